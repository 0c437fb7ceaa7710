// Recomposes supergraph.graphql from supergraph.yaml; exits 1 on composition errors.
import { writeFile } from 'node:fs/promises';
import { compose, loadSubgraphs, SUPERGRAPH_CONFIG, SUPERGRAPH_FILE } from '../src/compose.js';

const result = compose(await loadSubgraphs(SUPERGRAPH_CONFIG));
if (!result.ok) {
  console.error('composition failed:');
  for (const error of result.errors) console.error(`  - ${error}`);
  process.exit(1);
}
await writeFile(SUPERGRAPH_FILE, result.supergraphSdl);
console.log(`wrote ${SUPERGRAPH_FILE}`);
