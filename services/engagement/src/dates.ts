/** Agreements count as expiring when they end within this many days (the rule). */
export const EXPIRING_WITHIN_DAYS = 90;

const DAY_MS = 86_400_000;
/** Government dates are read in Western Indonesian Time (UTC+7), where the capital is. */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** Today's calendar date in WIB, as the midnight-UTC Date that @db.Date columns hold. */
export function todayInIndonesia(now: Date = new Date()): Date {
  const wib = new Date(now.getTime() + WIB_OFFSET_MS);
  return new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate()));
}

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

export const daysBetween = (from: Date, to: Date) =>
  Math.round((to.getTime() - from.getTime()) / DAY_MS);

export type AgreementStatus = 'NOT_YET_IN_FORCE' | 'ACTIVE' | 'EXPIRING' | 'EXPIRED';

/** An agreement's standing on a day, from its dates alone. */
export function agreementStatus(
  agreement: { validFrom: Date; validUntil: Date | null },
  today: Date = todayInIndonesia(),
): AgreementStatus {
  if (agreement.validFrom > today) return 'NOT_YET_IN_FORCE';
  if (agreement.validUntil === null) return 'ACTIVE';
  if (agreement.validUntil < today) return 'EXPIRED';
  return daysBetween(today, agreement.validUntil) <= EXPIRING_WITHIN_DAYS ? 'EXPIRING' : 'ACTIVE';
}
