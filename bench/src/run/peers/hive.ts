import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { publicCallTokens, routedSupergraph } from './identity.js';

/**
 * Hive Gateway's runtime on Node's HTTP server, with its own defaults (its in-flight
 * deduplication included) unless BENCH_CACHES=off, and the Rust query planner
 * (`@graphql-hive/router-runtime`) when BENCH_PLANNER=rust. The one addition: each subgraph's
 * call token, through the header propagation Hive documents.
 */
const { sdl, subgraphs } = routedSupergraph(
  readFileSync(process.env.BENCH_SUPERGRAPH ?? '', 'utf8'),
);
const tokenFor = await publicCallTokens(subgraphs);
const cachesOff = process.env.BENCH_CACHES === 'off';
const gateway = createGatewayRuntime({
  supergraph: sdl,
  logging: false,
  ...(process.env.BENCH_PLANNER === 'rust' ? { unifiedGraphHandler } : {}),
  propagateHeaders: {
    fromClientToSubgraphs: ({ subgraphName }) => ({ 'x-mutu-identity': tokenFor(subgraphName) }),
  },
  // Its HTTP transport shares identical subgraph queries in flight by default; off means off.
  ...(cachesOff
    ? { transportEntries: { '*': { options: { deduplicateInflightRequests: false } } } }
    : { inboundInflightRequestDeduplication: true }),
});
const port = Number(process.env.PORT ?? 4200);
createServer(gateway).listen(port, '127.0.0.1', () => {
  console.log(
    `Hive Gateway (${process.env.BENCH_PLANNER ?? 'js'} planner) on http://127.0.0.1:${port}/graphql`,
  );
});
