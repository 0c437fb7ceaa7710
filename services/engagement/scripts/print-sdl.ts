// Writes this subgraph's SDL (with federation directives) to schema.graphql, which the
// gateway composes and a test keeps current.
import { writeFile } from 'node:fs/promises';
import { printSubgraphSchema } from '@apollo/subgraph';
import { schema } from '../src/app.js';

await writeFile(
  new URL('../schema.graphql', import.meta.url),
  `${printSubgraphSchema(schema).trim()}\n`,
);
console.log('wrote schema.graphql');
