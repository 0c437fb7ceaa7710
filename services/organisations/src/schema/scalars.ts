import { defineScalars } from '@mutu/service';
import { builder } from '../builder.js';

defineScalars(builder);
