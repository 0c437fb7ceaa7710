import { addDays, todayInIndonesia } from '@mutu/service';
import { describe, expect, it } from 'vitest';
import { agreementStatus, EXPIRING_WITHIN_DAYS } from '../src/dates.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('agreement status from its dates', () => {
  const today = day('2026-11-23');
  const signed = { validFrom: day('2024-06-04') };

  it('is ACTIVE without an end, or ending more than 90 days ahead', () => {
    expect(agreementStatus({ ...signed, validUntil: null }, today)).toBe('ACTIVE');
    expect(
      agreementStatus({ ...signed, validUntil: addDays(today, EXPIRING_WITHIN_DAYS + 1) }, today),
    ).toBe('ACTIVE');
  });

  it('is EXPIRING from 90 days before its end up to its last day', () => {
    expect(
      agreementStatus({ ...signed, validUntil: addDays(today, EXPIRING_WITHIN_DAYS) }, today),
    ).toBe('EXPIRING');
    expect(agreementStatus({ ...signed, validUntil: today }, today)).toBe('EXPIRING');
  });

  it('is EXPIRED the day after its end', () => {
    expect(agreementStatus({ ...signed, validUntil: addDays(today, -1) }, today)).toBe('EXPIRED');
  });

  it('is NOT_YET_IN_FORCE before validFrom', () => {
    expect(
      agreementStatus({ validFrom: addDays(today, 1), validUntil: addDays(today, 400) }, today),
    ).toBe('NOT_YET_IN_FORCE');
  });

  it('reads today in Western Indonesian Time: 20:00 UTC is already tomorrow in Jakarta', () => {
    expect(todayInIndonesia(new Date('2026-11-23T16:59:00Z'))).toEqual(day('2026-11-23'));
    expect(todayInIndonesia(new Date('2026-11-23T20:00:00Z'))).toEqual(day('2026-11-24'));
  });
});
