import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  type GraphQLNamedType,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
} from 'graphql';
import { type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';

/** Arguments that set how many items a list or connection returns. */
const SLICING_ARGUMENTS = ['first', 'last', 'limit'] as const;

/** What a connection returns when no page size is asked for (the subgraphs' default page). */
const DEFAULT_PAGE = 20;

/**
 * What every other list is assumed to hold when it has no page argument: the default cap. The
 * lists below are known to be longer (or shorter); each says why. A partner's lists take the
 * default.
 */
const DEFAULT_LIST_SIZE = 20;
type Size = number | ((args: Record<string, unknown>) => number);
const LIST_SIZES: Readonly<Record<string, Size>> = {
  // 38 provinces; a province has at most about 40 regencies and cities (Kepmendagri
  // 300.2.2-2138/2025).
  'Query.provinces': 38,
  'Province.regencies': 40,
  // A league table holds every regency and city government (514), or one province's.
  'Query.ranking': (args) => (args.provinceCode ? 40 : 514),
  // 305 MPPs nationally in December 2025 (bands.md), a few dozen in a province.
  'Query.publicServiceMalls': (args) => (args.provinceCode ? 40 : 320),
  'Query.cycles': 60,
  // One result per cycle of a framework, about one a year.
  'Organisation.results': 15,
  'Organisation.assessments': 60,
  'Organisation.children': 100,
  'Organisation.ancestors': 6,
  'PublicServiceMall.tenants': 60,
  'Event.participants': 60,
  'Assessment.lokus': 10,
  'Lokus.components': 6,
  'Query.expiringAgreements': 100,
  'Query.spbeResults': 600,
};

const sliceOf = (args: Record<string, unknown>): number | undefined => {
  for (const name of SLICING_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return undefined;
};

const isConnection = (type: GraphQLNamedType) =>
  isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields();

/**
 * The cost of one field: 1, plus its selections, times the number of items it returns. Lists
 * count by their page argument (`first`, `last`, `limit`) or the ids they are given, else by
 * the sizes above or the default cap; a connection counts its page once, so its `edges` and
 * `nodes` are not counted again.
 */
export function listAwareEstimator({
  type: parent,
  field,
  args,
  childComplexity,
}: ComplexityEstimatorArgs): number {
  const own = 1 + childComplexity;
  if (isConnection(parent) && (field.name === 'edges' || field.name === 'nodes')) return own;
  const returns = getNullableType(field.type);
  if (isConnection(getNamedType(returns))) return (sliceOf(args) ?? DEFAULT_PAGE) * own;
  if (!isListType(returns)) return own;
  const given = Array.isArray(args.ids) ? args.ids.length : undefined;
  const known = LIST_SIZES[`${parent.name}.${field.name}`];
  const size =
    sliceOf(args) ??
    given ??
    (typeof known === 'function' ? known(args) : known) ??
    DEFAULT_LIST_SIZE;
  return size * own;
}

/**
 * Refuses an operation whose estimated cost exceeds `maxCost` before any subgraph is called,
 * with the estimate in the error. Variables count: `first: $n` is costed at the value sent.
 */
export function costLimit<TContext extends BaseContext>(
  maxCost: number,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [listAwareEstimator],
            });
          } catch (error) {
            // Costing coerces the variables first; those that do not coerce are the caller's
            // mistake, said as Apollo says it later (the message names the variable), not a 500.
            if (!(error instanceof GraphQLError)) throw error;
            throw new GraphQLError(error.message, {
              nodes: error.nodes,
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (cost > maxCost) {
            throw new GraphQLError(
              `The operation's estimated cost is ${cost}, above the limit of ${maxCost}: ask for smaller pages or fewer nested lists`,
              {
                extensions: {
                  code: 'COST_ESTIMATED_TOO_EXPENSIVE',
                  cost,
                  maxCost,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}
