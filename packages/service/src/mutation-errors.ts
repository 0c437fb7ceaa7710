import type {} from '@pothos/core';
import type {} from '@pothos/plugin-federation';

/**
 * The failures a mutation reports as typed results, the same in every subgraph so frontends
 * switch on one set of types graph-wide. Each names the input field at fault so a form can put
 * the message beside it. Anything else (a database outage) stays an ordinary GraphQL error and
 * is never mistaken for bad input.
 */
export class MutationError extends Error {
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

export class InvalidInputError extends MutationError {
  override readonly name = 'InvalidInputError';
}

export class NotFoundError extends MutationError {
  override readonly name = 'NotFoundError';
  constructor(
    field: string,
    readonly id: string,
    what = 'organisation',
  ) {
    super(`No ${what} has id "${id}"`, field);
  }
}

export class VersionConflictError extends MutationError {
  override readonly name = 'VersionConflictError';
  constructor(
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
    field = 'expectedVersion',
  ) {
    super(
      `${id} has changed since you read it (you sent version ${expectedVersion}, it is now at ${currentVersion}); reload and apply your change again`,
      field,
    );
  }
}

// biome-ignore lint/suspicious/noExplicitAny: plugin-errors takes any error constructor
type ErrorClass = new (...args: any[]) => MutationError;

/** One typed error of the schema: its class, description and extra fields (name: type). */
export interface MutationErrorType {
  /** The GraphQL type name; spelled out because bundlers may rename classes. */
  readonly name: string;
  readonly error: ErrorClass;
  readonly description: string;
  readonly fields?: Readonly<Record<string, 'string' | 'int'>>;
}

/** The errors every subgraph's mutations share; each subgraph adds its own after these. */
export const SHARED_MUTATION_ERRORS: readonly MutationErrorType[] = [
  {
    name: 'InvalidInputError',
    error: InvalidInputError,
    description: 'A value is malformed or not allowed here.',
  },
  {
    name: 'NotFoundError',
    error: NotFoundError,
    description: 'An id names nothing known.',
    fields: { id: 'string' },
  },
  {
    name: 'VersionConflictError',
    error: VersionConflictError,
    description: 'Someone changed the record since you read it; nothing was overwritten.',
    fields: { currentVersion: 'int' },
  },
];

/**
 * Adds the `MutationError` interface and one object type per error to a subgraph's schema and
 * returns the classes for plugin-errors' `types`. The types are @shareable: every subgraph
 * defines them identically, so the supergraph has one of each.
 */
export function defineMutationErrors(
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph's builder has its own SchemaTypes; the types added here use none of them
  builder: PothosSchemaTypes.SchemaBuilder<any>,
  types: readonly MutationErrorType[],
): ErrorClass[] {
  const MutationErrorInterface = builder.interfaceRef<MutationError>('MutationError').implement({
    description:
      'Why a mutation changed nothing. Every mutation that fails this way writes nothing at all.',
    fields: (t) => ({
      message: t.string({
        nullable: false,
        description: 'What went wrong, in plain words.',
        resolve: (e: MutationError) => e.message,
      }),
      field: t.string({
        nullable: true,
        description: 'The input field at fault, e.g. "parentId" or "input.name".',
        resolve: (e: MutationError) => e.field,
      }),
    }),
  });
  for (const { name: typeName, error, description, fields = {} } of types) {
    builder.objectType(error as unknown as typeof MutationError, {
      name: typeName,
      description,
      shareable: true,
      interfaces: [MutationErrorInterface],
      isTypeOf: (value) => value instanceof error,
      fields: (t) =>
        Object.fromEntries(
          Object.entries(fields).map(([name, type]) => {
            const read = (e: MutationError) => (e as unknown as Record<string, unknown>)[name];
            return [
              name,
              type === 'int'
                ? t.int({ nullable: false, resolve: (e: MutationError) => Number(read(e) ?? 0) })
                : t.string({ nullable: false, resolve: (e: MutationError) => String(read(e)) }),
            ];
          }),
        ),
    });
  }
  return types.map((t) => t.error);
}
