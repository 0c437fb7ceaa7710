import { methodologyFor } from '@mutu/scoring';
import { formatScore } from '../words.js';
import { BandBadge } from './band.js';

/** The bands of the method in force for a framework and year, best first, with their ranges. */
export function Legend({
  framework,
  year,
  title,
}: {
  framework: string;
  year: number;
  title: string;
}) {
  let method: ReturnType<typeof methodologyFor>;
  try {
    method = methodologyFor(framework as never, year);
  } catch {
    return null; // no method that year (the Ombudsman held none in 2020)
  }
  const bands = [...method.bands].sort((a, b) => b.min - a.min);
  return (
    <div>
      <span className="hint">
        {title} ({method.name}):
      </span>
      <ul className="legend">
        {bands.map((band) => (
          <li key={`${band.min}`}>
            <BandBadge band={band} /> {formatScore(band.min)}–{formatScore(band.max)}
          </li>
        ))}
      </ul>
    </div>
  );
}
