/**
 * The unique constraint a write broke (Prisma's P2002, through the driver adapter), by the
 * name PostgreSQL gives it ("Organisation_pkey", "Organisation_active_sibling_name"); null for
 * any other error. A broken unique constraint means another writer got there first.
 */
export function uniqueViolation(error: unknown): string | null {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'P2002') return null;
  const meta = (error as { meta?: Record<string, unknown> }).meta ?? {};
  const cause = (meta.driverAdapterError as { cause?: { constraint?: unknown } } | undefined)
    ?.cause;
  const constraint = cause?.constraint as { index?: string; fields?: string[] } | undefined;
  if (constraint?.index) return constraint.index;
  if (constraint?.fields) return constraint.fields.join(',');
  const target = meta.target;
  return Array.isArray(target) ? target.join(',') : typeof target === 'string' ? target : '';
}

/**
 * Runs a write whose checks a concurrent writer could pass at the same moment. The database's
 * unique constraints let only one of them commit; the loser's violation becomes the typed error
 * it would have met had it come second (`translate` returns it, or undefined to rethrow).
 */
export async function whenUniqueViolated<T>(
  write: () => Promise<T>,
  translate: (constraint: string) => Promise<Error | undefined> | Error | undefined,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === null) throw error;
    throw (await translate(constraint)) ?? error;
  }
}

/**
 * Retries a write that picks a free id by looking (engagement's `<date>-<title>` ids): when a
 * concurrent writer took the same id between the look and the insert, the write runs again and
 * picks the next one.
 */
export async function retryOnUniqueViolation<T>(
  write: () => Promise<T>,
  options: { constraint: string; attempts?: number },
): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (uniqueViolation(error) !== options.constraint || attempt >= attempts) throw error;
    }
  }
}
