/**
 * Scores are published with a fixed number of decimals and compared at that precision
 * (../shared/domain/bands.md). Working in integer steps avoids binary floating-point surprises
 * such as 80.99 + 0.01 !== 81.
 */
export function toSteps(value: number, precision: number): number {
  const factor = 10 ** precision;
  // Nudge by a relative epsilon so 86.605 (stored as 86.60499…) rounds half up like on paper.
  const scaled = Math.abs(value) * factor * (1 + Number.EPSILON * 8);
  return Math.sign(value) * Math.round(scaled);
}

export function roundTo(value: number, precision: number): number {
  return toSteps(value, precision) / 10 ** precision;
}

/**
 * Cuts a value down to the precision (towards zero), as the Ombudsman's 2024 totals appear to
 * do (Kota Bengkulu: units averaging 90.7457 were published as 90.74). The same epsilon as
 * toSteps keeps 90.74 (stored as 90.7399...) from falling to 90.73.
 */
export function truncateTo(value: number, precision: number): number {
  const factor = 10 ** precision;
  const scaled = Math.abs(value) * factor * (1 + Number.EPSILON * 8);
  return (Math.sign(value) * Math.floor(scaled)) / factor;
}
