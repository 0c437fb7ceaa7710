#!/usr/bin/env node
// The data-layer commands run from TypeScript source through tsx: @mutu/db has no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
