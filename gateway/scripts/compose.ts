// Recomposes supergraph.graphql from supergraph.yaml; exits 1 on composition errors. A
// subgraph listed by `subgraph_url` is asked for its SDL with a call token when
// GATEWAY_SIGNING_KEY is set (the gateway's own key), unsigned otherwise.
import { writeFile } from 'node:fs/promises';
import { PUBLIC, signingKeyFrom } from '@mutu/server';
import { subgraphCredentials } from '../src/call-tokens.js';
import { compose, loadSubgraphs, SUPERGRAPH_CONFIG, SUPERGRAPH_FILE } from '../src/compose.js';

const key = process.env.GATEWAY_SIGNING_KEY;
const credentials = key
  ? subgraphCredentials(await signingKeyFrom(key, 'GATEWAY_SIGNING_KEY'), new Set())
  : undefined;
const result = compose(
  await loadSubgraphs(SUPERGRAPH_CONFIG, {
    credential: credentials && ((subgraph) => credentials(PUBLIC, subgraph)),
  }),
);
if (!result.ok) {
  console.error('composition failed:');
  for (const error of result.errors) console.error(`  - ${error}`);
  process.exit(1);
}
await writeFile(SUPERGRAPH_FILE, result.supergraphSdl);
console.log(`wrote ${SUPERGRAPH_FILE}`);
