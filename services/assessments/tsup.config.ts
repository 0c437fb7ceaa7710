import { defineConfig } from 'tsup';

// Workspace packages ship TypeScript source, so they are bundled in; npm dependencies stay
// external and load from node_modules. That is why package.json also lists what @mutu/db
// needs at run time (PGlite, pg, the schema engine): the bundle imports them from here.
export default defineConfig({
  entry: ['src/server.ts'],
  format: 'esm',
  target: 'node20',
  platform: 'node',
  clean: true,
  noExternal: [/^@mutu\//],
});
