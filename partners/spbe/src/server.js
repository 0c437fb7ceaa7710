import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
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

/** Starts the subgraph on `port` (0 picks a free one); resolves with its URL and a stop function. */
export async function startSpbeSubgraph({ port = 4010, host = '127.0.0.1' } = {}) {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs, resolvers }),
    includeStacktraceInErrorResponses: false,
  });
  const { url } = await startStandaloneServer(server, { listen: { port, host } });
  return { url: new URL('graphql', url).toString(), stop: () => server.stop() };
}
