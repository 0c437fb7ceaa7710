import { MutationError } from '@mutu/service';

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
