import { ScoringError } from './errors.js';
import type { Range } from './types.js';

/** Rejects NaN, infinities and values outside the range, naming the field at fault. */
export function assertInRange(value: number, range: Range, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ScoringError('NOT_A_NUMBER', field, `${field} must be a finite number`);
  }
  if (value < range.min || value > range.max) {
    throw new ScoringError(
      'OUT_OF_RANGE',
      field,
      `${field} must be between ${range.min} and ${range.max}, got ${value}`,
    );
  }
}
