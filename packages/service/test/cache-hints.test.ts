import type { Identity } from '@mutu/server';
import { GraphQLError, GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ANSWER_SECONDS, subgraphApollo } from '../src/apollo.js';

let resolved = 0;
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      published: {
        type: GraphQLString,
        resolve: () => {
          resolved += 1;
          return 'IPP 2024: 3.66';
        },
      },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError('no such cycle', { extensions: { code: 'NOT_FOUND' } });
        },
      },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: { publish: { type: GraphQLInt, resolve: () => 1 } },
  }),
});

const as = (role: string) => ({ identity: { role } as unknown as Identity });
const apollo = subgraphApollo<{ identity?: Identity }>(schema);
const headerOf = async (query: string, contextValue: { identity?: Identity }) =>
  (await apollo.executeOperation({ query }, { contextValue })).http.headers.get('cache-control');

beforeAll(() => apollo.start());
afterAll(() => apollo.stop());

describe('the cache hint a subgraph gives the gateway', () => {
  it('lets the gateway keep a public query for PUBLIC_ANSWER_SECONDS', async () => {
    expect(await headerOf('{ published }', as('public'))).toBe(
      `max-age=${PUBLIC_ANSWER_SECONDS}, public`,
    );
    expect(resolved).toBeGreaterThan(0);
  });

  it('never lets it keep what a signed-in role reads', async () => {
    expect(await headerOf('{ published }', as('ASSESSOR'))).toBe('no-store');
    expect(await headerOf('{ published }', {})).toBe('no-store');
  });

  it('never lets it keep a mutation or an answer with errors', async () => {
    expect(await headerOf('mutation { publish }', as('public'))).toBe('no-store');
    expect(await headerOf('{ published broken }', as('public'))).toBe('no-store');
  });
});
