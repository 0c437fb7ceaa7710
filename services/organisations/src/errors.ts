import { defineMutationErrors, MutationError, SHARED_MUTATION_ERRORS } from '@mutu/service';
import { builder } from './builder.js';

export { InvalidInputError, NotFoundError, VersionConflictError } from '@mutu/service';

/** The register's own typed errors; the shared ones come from @mutu/service. */
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

/** The register's typed errors as the schema shows them; every mutation lists these. */
export const MUTATION_ERRORS = defineMutationErrors(builder, [
  ...SHARED_MUTATION_ERRORS,
  {
    name: 'DuplicateNameError',
    error: DuplicateNameError,
    description:
      'Another active body under the same parent already has this name (ignoring case and accents).',
    fields: { existingId: 'string' },
  },
  {
    name: 'HierarchyCycleError',
    error: HierarchyCycleError,
    description: 'The change would put a body under itself.',
  },
  {
    name: 'InvalidRegionError',
    error: InvalidRegionError,
    description: "A region code is unknown or does not fit the parent's region.",
  },
]);
