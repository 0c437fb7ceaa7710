import { defineConfig } from 'tsup';
import { serverBundle } from '../../tsup.base.js';

export default defineConfig(serverBundle);
