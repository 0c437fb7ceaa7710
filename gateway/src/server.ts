import { readFile } from 'node:fs/promises';
import { closeOnSignals, serveGraphQL } from '@mutu/server';
import { createGateway, gatewayContext } from './app.js';
import { SUPERGRAPH_FILE } from './compose.js';
import { loadEnv } from './env.js';

const env = loadEnv();
const supergraphSdl = await readFile(env.SUPERGRAPH_PATH ?? SUPERGRAPH_FILE, 'utf8');
const apollo = createGateway({ supergraphSdl, subgraphUrls: env.subgraphUrls });
await apollo.start();
const server = await serveGraphQL({
  apollo,
  context: gatewayContext,
  port: env.PORT,
  host: env.HOST,
});
console.log(`Mutu gateway on ${server.url}`);

closeOnSignals('gateway', async () => {
  await server.close();
  await apollo.stop();
});
