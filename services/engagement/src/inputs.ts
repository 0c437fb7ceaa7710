import { FRAMEWORKS } from '@mutu/scoring';
import { badUserInput } from '@mutu/server';
import {
  cleanOptionalText,
  cleanText,
  InvalidInputError,
  parseAssessmentCycleId,
} from '@mutu/service';
import type { Framework } from './generated/prisma/enums.js';

/** What the aggregates' commands and queries check alike. */
export const TITLE = { min: 3, max: 300 };
export const TEXT_MAX = 2_000;

export const text = (value: string, field: string, max = TEXT_MAX, min = 1) =>
  cleanText(value, field, { min, max });

export const optionalText = <T extends null | undefined>(
  value: string | T,
  field: string,
  max = TEXT_MAX,
) => cleanOptionalText(value, field, max);

/** An AssessmentCycle key, checked for shape and framework (the cycle itself lives elsewhere). */
export function cycleKey(id: string, field: string): { id: string; framework: Framework } {
  const parts = parseAssessmentCycleId(id);
  if (!parts || !(FRAMEWORKS as readonly string[]).includes(parts.framework)) {
    throw new InvalidInputError(
      `${field} must be an assessment cycle id such as "ombudsman-compliance-2024" or "ipp-2024", got "${id}"`,
      field,
    );
  }
  return { id, framework: parts.framework as Framework };
}

/** A period filter (from, until) must not end before it starts. */
export function assertPeriod(
  from: Date | null | undefined,
  until: Date | null | undefined,
  prefix: string,
) {
  if (from && until && until < from) {
    throw badUserInput(`${prefix}.until`, `${prefix}.until must not be before ${prefix}.from`);
  }
}

/** An optional filter argument. */
export type Filter<T> = T | null | undefined;
