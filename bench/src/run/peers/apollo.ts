import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { publicCallTokens, routedSupergraph } from './identity.js';

/**
 * Vanilla `@apollo/gateway` on Apollo Server's standalone HTTP server, as its documentation
 * starts it: the committed supergraph, no cache, no plugins, and the one addition every
 * gateway in front of Mutu's subgraphs needs, the call token of each subgraph.
 */
const { sdl, subgraphs } = routedSupergraph(
  readFileSync(process.env.BENCH_SUPERGRAPH ?? '', 'utf8'),
);
const tokenFor = await publicCallTokens(subgraphs);
const gateway = new ApolloGateway({
  supergraphSdl: sdl,
  buildService: ({ name, url }) =>
    new (class extends RemoteGraphQLDataSource {
      override willSendRequest({
        request,
      }: Parameters<RemoteGraphQLDataSource['willSendRequest'] & object>[0]) {
        request.http?.headers.set('x-mutu-identity', tokenFor(name));
      }
    })({ url }),
});
const server = new ApolloServer({ gateway });
const port = Number(process.env.PORT ?? 4100);
await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
// startStandaloneServer has no /healthz; the bench waits on Apollo's own health check.
console.log(`vanilla @apollo/gateway on http://127.0.0.1:${port}/`);
