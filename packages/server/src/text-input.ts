import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';

// PostgreSQL's text types cannot hold U+0000: a string with one fails inside the database, far
// from the field that carried it. Every subgraph refuses it at the door instead.
const NUL = '\u0000';

/** The path of the first string under `value` that holds a NUL character. */
function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

const refuse = (where: string) =>
  new GraphQLError(`${where} contains a NUL character (U+0000), which no text in Mutu can hold`, {
    extensions: { code: 'BAD_USER_INPUT', argument: where, http: { status: 400 } },
  });

/**
 * Refuses an operation whose variables or literal strings carry a NUL character, naming the
 * variable and the path in it: a typed error before any resolver runs, nothing written.
 */
export function refuseNulCharacters<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const found = nulPath(value, name);
            if (found) throw refuse(`$${found}`);
          }
          if (!request.query?.includes('\\u0000') && !request.query?.includes(NUL)) return;
          visit(document, {
            [Kind.ARGUMENT](node) {
              visit(node.value, {
                [Kind.STRING](literal) {
                  if (literal.value.includes(NUL)) throw refuse(node.name.value);
                },
              });
            },
          });
        },
      };
    },
  };
}
