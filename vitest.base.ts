import { createRequire } from 'node:module';

/**
 * Vite gives a package's own sources graphql's ESM build (its "module" field) while Apollo's
 * packages, loaded by Node, get its CommonJS build; schema types of one then fail `instanceof`
 * in the other ("Cannot use GraphQLObjectType from another module or realm"). Node itself
 * resolves both to the CommonJS build, and with this alias the tests do too. `from` is the
 * config's import.meta.url, so graphql resolves from that package.
 */
export const graphqlAsNodeLoadsIt = (from: string) => ({
  alias: [{ find: /^graphql$/, replacement: createRequire(from).resolve('graphql') }],
});
