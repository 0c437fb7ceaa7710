import { bandColour, inkOn } from '@mutu/scoring';

export interface BandLike {
  grade?: string | null;
  label: string;
  zone?: string | null;
}

/** A band as a coloured label: "B Baik", in the colour the map, charts and PDF use. */
export function BandBadge({ band }: { band: BandLike }) {
  const colour = bandColour(band);
  return (
    <span className="band" style={{ background: colour, color: inkOn(colour) }}>
      {band.grade ? `${band.grade} ` : ''}
      {band.label}
    </span>
  );
}
