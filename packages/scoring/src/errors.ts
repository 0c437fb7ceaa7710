export type ScoringErrorCode =
  | 'NOT_A_NUMBER'
  | 'OUT_OF_RANGE'
  | 'MISSING_COMPONENT'
  | 'UNKNOWN_COMPONENT'
  | 'NO_METHODOLOGY'
  | 'INVALID_ANSWER'
  | 'NO_RESPONSES'
  | 'NO_LOKUS'
  | 'TOO_MANY_LOKUS'
  | 'TOO_PRECISE'
  | 'UNKNOWN_FINDING'
  | 'INCOMPARABLE'
  | 'UNKNOWN_INDICATOR'
  | 'NOT_A_LEVEL'
  | 'INVALID_POPULATION';

/**
 * Every rejection from this package: `field` names the argument or component at fault so a
 * GraphQL layer can point the user at it without parsing the message.
 */
export class ScoringError extends Error {
  override readonly name = 'ScoringError';
  constructor(
    readonly code: ScoringErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
