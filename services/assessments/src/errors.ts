import { defineMutationErrors, MutationError, SHARED_MUTATION_ERRORS } from '@mutu/service';
import { builder } from './builder.js';

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

/** A verifier deciding on a lokus they scored themselves. */
export class SelfVerificationError extends MutationError {
  override readonly name = 'SelfVerificationError';
}

/** A unit acting on a finding that another organisation must act on. */
export class NotResponsibleError extends MutationError {
  override readonly name = 'NotResponsibleError';
  constructor(
    message: string,
    field: string,
    readonly mustAct: string,
  ) {
    super(message, field);
  }
}

/** This subgraph's typed errors as the schema shows them; every mutation lists these. */
export const MUTATION_ERRORS = defineMutationErrors(builder, [
  ...SHARED_MUTATION_ERRORS,
  {
    name: 'IllegalTransitionError',
    error: IllegalTransitionError,
    description:
      "The workflow step is not allowed from the record's current status (e.g. publishing a draft, or changing a published assessment).",
    fields: { status: 'string' },
  },
  {
    name: 'AlreadyExistsError',
    error: AlreadyExistsError,
    description:
      "The cycle, or the subject's assessment in the cycle, is already recorded; `existingId` names it.",
    fields: { existingId: 'string' },
  },
  {
    name: 'SelfVerificationError',
    error: SelfVerificationError,
    description: 'The verifier scored the lokus: verification is always by someone else.',
  },
  {
    name: 'NotResponsibleError',
    error: NotResponsibleError,
    description:
      'The organisation you speak for is not the one that must act on this finding; `mustAct` names it.',
    fields: { mustAct: 'string' },
  },
]);
