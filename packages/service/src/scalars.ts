import type {} from '@pothos/core';
import { GraphQLError, Kind } from 'graphql';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): Date {
  if (
    typeof value !== 'string' ||
    !ISO_DATE.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  ) {
    throw new GraphQLError(`A Date is written YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`${value} is not a calendar date`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/**
 * The scalars every subgraph uses, defined once so they are identical wherever they appear:
 * Date (a calendar day), DateTime (an instant) and JSON (a stored record, in audit entries).
 */
export function defineScalars(
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph's builder has its own SchemaTypes; these scalars use none of them
  builder: PothosSchemaTypes.SchemaBuilder<any>,
): void {
  builder.scalarType('Date', {
    description: 'A calendar date, YYYY-MM-DD (no time, no zone).',
    serialize: (value) => (value as Date).toISOString().slice(0, 10),
    parseValue: parseDate,
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
  });

  builder.scalarType('DateTime', {
    description: 'An instant, ISO 8601 in UTC, e.g. 2026-11-22T09:30:00.000Z.',
    serialize: (value) => (value as Date).toISOString(),
    parseValue: (value) => {
      const date = new Date(String(value));
      if (Number.isNaN(date.getTime()))
        throw new GraphQLError('Invalid DateTime', { extensions: { code: 'BAD_USER_INPUT' } });
      return date;
    },
  });

  builder.scalarType('JSON', {
    description: 'Any JSON value: here, a record as it was stored.',
    serialize: (value) => value,
    parseValue: (value) => value,
  });
}
