import { MutationError } from '@mutu/service';

export { InvalidInputError, NotFoundError } from '@mutu/service';

/** A workflow step that the record's current status does not allow. */
export class IllegalTransitionError extends MutationError {
  override readonly name = 'IllegalTransitionError';
  constructor(
    message: string,
    field: string,
    readonly status: string,
  ) {
    super(message, field);
  }
}

/** The cycle or the subject's assessment in the cycle is already recorded. */
export class AlreadyExistsError extends MutationError {
  override readonly name = 'AlreadyExistsError';
  constructor(
    message: string,
    field: string,
    readonly existingId: string,
  ) {
    super(message, field);
  }
}
