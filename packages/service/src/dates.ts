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

/** A calendar date as ISO text ("2026-12-02"). */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
