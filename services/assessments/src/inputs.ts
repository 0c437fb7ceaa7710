import { badUserInput } from '@mutu/server';
import { cleanOptionalText, InvalidInputError } from '@mutu/service';

/** The longest free text (sources, notes, reasons) an assessment keeps. */
export const TEXT = { max: 1_000 };

export const optionalText = (value: string | null | undefined, field: string) =>
  cleanOptionalText(value ?? null, field, TEXT.max);

/** Why a year cannot be an assessment year, or null when it can. */
export function yearProblem(year: number, field: string): string | null {
  return Number.isInteger(year) && year >= 1990 && year <= 2100
    ? null
    : `${field} must be a year between 1990 and 2100, got ${year}`;
}

/** A year in a mutation's input: a typed InvalidInputError naming the field. */
export function assertInputYear(year: number, field: string): void {
  const problem = yearProblem(year, field);
  if (problem) throw new InvalidInputError(problem, field);
}

/** A year argument of a query: BAD_USER_INPUT naming the argument. */
export function assertYear(year: number, argument = 'year'): void {
  const problem = yearProblem(year, argument);
  if (problem) throw badUserInput(argument, problem);
}
