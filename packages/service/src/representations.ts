import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  type StringValueNode,
  valueFromASTUntyped,
} from 'graphql';

/** Each entity type of a subgraph and the fields of its keys, read from its own @key directives. */
function entityKeys(schema: GraphQLSchema): ReadonlyMap<string, readonly string[][]> {
  const keys = new Map<string, string[][]>();
  for (const definition of parse(printSubgraphSchema(schema)).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION
    ) {
      continue;
    }
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
      if (fields?.kind !== Kind.STRING) continue;
      const list = keys.get(definition.name.value) ?? [];
      list.push((fields as StringValueNode).value.split(/\s+/).filter(Boolean));
      keys.set(definition.name.value, list);
    }
  }
  return keys;
}

const refuse = (index: number, message: string) =>
  new GraphQLError(`representations[${index}]: ${message}`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      argument: 'representations',
      index,
      http: { status: 400 },
    },
  });

/** Why a representation cannot name one of this subgraph's entities, or undefined when it can. */
function problemOf(
  representation: unknown,
  keys: ReadonlyMap<string, readonly string[][]>,
): string | undefined {
  if (
    typeof representation !== 'object' ||
    representation === null ||
    Array.isArray(representation)
  ) {
    return 'a representation is an object with __typename and the fields of a key';
  }
  const fields = representation as Record<string, unknown>;
  const typename = fields.__typename;
  if (typeof typename !== 'string') return '__typename is missing';
  const typeKeys = keys.get(typename);
  if (!typeKeys) return `${typename} is not an entity of this subgraph`;
  const complete = typeKeys.some((key) =>
    key.every((field) => typeof fields[field] === 'string' && fields[field] !== ''),
  );
  if (!complete) {
    return `${typename} needs ${typeKeys.map((key) => key.join(' and ')).join(' or ')} as a non-empty string`;
  }
  return undefined;
}

/**
 * `_entities` only for representations that name an entity of this subgraph by a complete key:
 * anything else is a BAD_USER_INPUT error naming `representations` and the index, before any
 * resolver runs. Without this, a caller holding a call token could send `{ __typename:
 * "Organisation" }` and reach a reference resolver with an undefined id (an internal error).
 */
export function checkedRepresentations<TContext extends BaseContext>(
  schema: GraphQLSchema,
): ApolloServerPlugin<TContext> {
  const keys = entityKeys(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          for (const value of representationsIn(operation, request.variables ?? {})) {
            if (!Array.isArray(value)) continue;
            value.forEach((representation, index) => {
              const problem = problemOf(representation, keys);
              if (problem) throw refuse(index, problem);
            });
          }
        },
      };
    },
  };
}

/** The `representations` argument of every top-level `_entities` field of the operation. */
function representationsIn(
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown>,
): unknown[] {
  if (operation?.operation !== 'query') return [];
  const found: unknown[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities') continue;
    const argument = selection.arguments?.find((a) => a.name.value === 'representations');
    if (argument) found.push(valueFromASTUntyped(argument.value, variables));
  }
  return found;
}
