import { createLogger } from '@mutu/server';
import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subgraphApollo } from '../src/apollo.js';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('duplicate key value violates unique constraint "Organisation_pkey"');
        },
      },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError('year must be 2018 or later', {
            extensions: { code: 'BAD_USER_INPUT', argument: 'year' },
          });
        },
      },
    },
  }),
});

describe('errors a caller sees', () => {
  it('masks an unexpected error with the request id; the log keeps the original', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('test', 'info', {
      write: (l: string) => void lines.push(JSON.parse(l)),
    });
    const apollo = subgraphApollo<{ requestId: string }>(schema, logger);
    await apollo.start();
    try {
      const response = await apollo.executeOperation(
        { query: '{ broken refused }' },
        { contextValue: { requestId: 'req-42' } },
      );
      const errors =
        response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
      expect(errors).toEqual([
        {
          message: 'Internal server error (request id req-42); the details are in the server log',
          locations: [{ line: 1, column: 3 }],
          path: ['broken'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' },
        },
        expect.objectContaining({
          message: 'year must be 2018 or later',
          extensions: { code: 'BAD_USER_INPUT', argument: 'year' },
        }),
      ]);
      expect(JSON.stringify(errors)).not.toContain('Organisation_pkey');
      expect(lines).toContainEqual(
        expect.objectContaining({
          reqId: 'req-42',
          msg: 'unexpected error',
          err: expect.objectContaining({ message: expect.stringContaining('Organisation_pkey') }),
        }),
      );
    } finally {
      await apollo.stop();
    }
  });
});
