/**
 * The failures a mutation reports as typed results. Each names the input field at fault so a
 * form can put the message beside it. Anything else (a database outage) stays an ordinary
 * GraphQL error and is never mistaken for bad input.
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
  ) {
    super(`No organisation has id "${id}"`, field);
  }
}

export class DuplicateNameError extends MutationError {
  override readonly name = 'DuplicateNameError';
  constructor(
    field: string,
    readonly existingId: string,
    name: string,
  ) {
    super(`"${name}" is already the name of ${existingId} under the same parent`, field);
  }
}

export class HierarchyCycleError extends MutationError {
  override readonly name = 'HierarchyCycleError';
}

export class InvalidRegionError extends MutationError {
  override readonly name = 'InvalidRegionError';
}

export class VersionConflictError extends MutationError {
  override readonly name = 'VersionConflictError';
  constructor(
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `${id} has changed since you read it (you sent version ${expectedVersion}, it is now at ${currentVersion}); reload and apply your change again`,
      'expectedVersion',
    );
  }
}
