import { badUserInput } from '@mutu/server';
import { isOrganisationId } from './contract.js';
import { InvalidInputError, NotFoundError } from './mutation-errors.js';
import { findOrganisations, type RegisteredOrganisation } from './organisation-directory.js';
import { cleanName } from './text.js';

/** A text input as stored (trimmed, inner space collapsed), refused outside its length. */
export function cleanText(
  value: string,
  field: string,
  length: { min?: number; max: number },
): string {
  const min = length.min ?? 1;
  const clean = cleanName(value);
  if (clean.length < min || clean.length > length.max) {
    throw new InvalidInputError(`${field} must hold ${min} to ${length.max} characters`, field);
  }
  return clean;
}

/** The same for an optional input: null and undefined pass through (null clears, undefined keeps). */
export function cleanOptionalText<T extends null | undefined>(
  value: string | T,
  field: string,
  max: number,
): string | T {
  return value === null || value === undefined ? value : cleanText(value, field, { max });
}

/** An organisation id in an input, checked for the graph contract's shape. */
export function assertOrganisationIdInput(id: string, field: string): void {
  if (!isOrganisationId(id)) {
    throw new InvalidInputError(
      `${field} must be an organisation id such as "15.01" (lowercase letters, digits, dots, dashes), got "${id}"`,
      field,
    );
  }
}

/**
 * Every organisation an input names must be in the register: shapes are checked first, then
 * all ids in one request to the organisations subgraph. The first unknown one is refused by
 * the field that holds it; the register's records of the others are returned.
 */
export async function requireOrganisations(
  named: readonly (readonly [id: string, field: string])[],
): Promise<Map<string, RegisteredOrganisation>> {
  for (const [id, field] of named) assertOrganisationIdInput(id, field);
  const found = await findOrganisations(named.map(([id]) => id));
  const missing = named.find(([id]) => !found.has(id));
  if (missing) throw new NotFoundError(missing[1], missing[0]);
  return found;
}

const PROVINCE_CODE = /^\d{2}$/;
const REGENCY_CODE = /^\d{2}\.\d{2}$/;

/** A province code argument (Kemendagri, two digits), refused as BAD_USER_INPUT naming it. */
export function assertProvinceCode(code: string, argument = 'code'): void {
  if (!PROVINCE_CODE.test(code)) {
    throw badUserInput(
      argument,
      `${argument} must be a two-digit Kemendagri province code such as "15", got "${code}"`,
    );
  }
}

/** A regency or city code argument (Kemendagri, "NN.NN"), refused as BAD_USER_INPUT naming it. */
export function assertRegencyCode(code: string, argument = 'code'): void {
  if (!REGENCY_CODE.test(code)) {
    throw badUserInput(
      argument,
      `${argument} must be a Kemendagri regency or city code such as "15.01", got "${code}"`,
    );
  }
}

/** GraphQL IDs arrive as strings or numbers; every command takes them as strings. */
export const id = (value: string | number) => String(value);
export const optionalId = (value: string | number | null | undefined) =>
  value == null ? null : String(value);
