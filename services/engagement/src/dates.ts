import { daysBetween, todayInIndonesia } from '@mutu/service';

/** Agreements count as expiring when they end within this many days (the rule). */
export const EXPIRING_WITHIN_DAYS = 90;

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
