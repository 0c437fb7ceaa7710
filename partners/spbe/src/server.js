import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';
import { RESULTS } from './data.js';

const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

const resultsOf = (organisationId) =>
  RESULTS.filter((r) => r.organisationId === organisationId).sort((a, b) => b.year - a.year);

const resolvers = {
  Organisation: {
    // The gateway sends { __typename, id }; this subgraph needs nothing more to resolve spbe.
    __resolveReference: ({ id }) => ({ id }),
    spbe: ({ id }) => resultsOf(id),
  },
  Query: {
    spbeResults: (_root, { year }) => {
      if (!Number.isInteger(year) || year < 2018 || year > 2100) {
        throw new GraphQLError(
          `year must be 2018 or later (the first SPBE evaluation), got ${year}`,
          {
            extensions: { code: 'BAD_USER_INPUT', argument: 'year' },
          },
        );
      }
      return RESULTS.filter((r) => r.year === year)
        .sort((a, b) => b.index - a.index)
        .map((result) => ({ organisation: { id: result.organisationId }, result }));
    },
  },
};

/**
 * The Mutu gateway's call token, checked as docs/partners.md says: signed with a key from the
 * gateway's JWKS (EdDSA or ES256), issued by "mutu-gateway" for this subgraph ("spbe"), of type
 * "mutu-call+jwt", unexpired. It carries the caller's role only.
 */
function gatewayVerifier(gatewayKeys) {
  const keys =
    typeof gatewayKeys === 'string'
      ? createRemoteJWKSet(new URL(gatewayKeys))
      : createLocalJWKSet(gatewayKeys);
  return async (token) => {
    if (typeof token !== 'string' || !token) throw refused('no call token from the Mutu gateway');
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: 'mutu-gateway',
        audience: 'spbe',
        typ: 'mutu-call+jwt',
        algorithms: ['EdDSA', 'ES256'],
        // A call token lives 30 seconds: one without its times, or older than a minute, is refused.
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: '60s',
      });
      if (payload.exp - payload.iat > 60) throw new Error('call tokens live at most 60 s');
      return { role: String(payload.role) };
    } catch (error) {
      throw refused(`the call token was refused (${error.message})`);
    }
  };
}

const refused = (reason) =>
  new GraphQLError(`The SPBE subgraph answers the Mutu gateway only: ${reason}`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

/**
 * Starts the subgraph on `port` (0 picks a free one); resolves with its URL and a stop function.
 * `gatewayKeys` is the gateway's JWKS URL (or, in tests, the key set itself).
 */
export async function startSpbeSubgraph({
  port = 4010,
  host = '127.0.0.1',
  gatewayKeys = 'http://127.0.0.1:4000/.well-known/jwks.json',
} = {}) {
  const verify = gatewayVerifier(gatewayKeys);
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs, resolvers }),
    includeStacktraceInErrorResponses: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host },
    context: async ({ req }) => ({ caller: await verify(req.headers['x-mutu-identity']) }),
  });
  return { url: new URL('graphql', url).toString(), stop: () => server.stop() };
}
