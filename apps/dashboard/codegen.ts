import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';

// Types come from the graph callers see: the committed supergraph's API schema (the join
// directives and federation's own types removed), so a field the gateway does not serve fails
// here rather than in a browser.
const supergraph = readFileSync(
  new URL('../../gateway/supergraph.graphql', import.meta.url),
  'utf8',
);
const apiSchema = printSchema(Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema());

const config: CodegenConfig = {
  schema: apiSchema,
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: {
        // Trusted documents: the bundle carries each operation's hash alone, and the gateway
        // answers only hashes it finds in persisted-documents.json (see gateway/src/trusted.ts).
        persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' },
        fragmentMasking: false,
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
