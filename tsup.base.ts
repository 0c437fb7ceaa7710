import type { Options } from 'tsup';

/**
 * How services and the gateway are bundled: workspace packages ship TypeScript source, so they
 * are bundled in; npm dependencies stay external and load from node_modules. That is why a
 * service's package.json also lists what @mutu/db needs at run time (PGlite, pg, the schema
 * engine): the bundle imports them from there.
 */
export const serverBundle: Options = {
  entry: ['src/server.ts'],
  format: 'esm',
  target: 'node20',
  platform: 'node',
  clean: true,
  noExternal: [/^@mutu\//],
};
