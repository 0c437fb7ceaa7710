/**
 * The colours a band is drawn in, wherever Mutu draws one (the dashboard's map and charts, the
 * rapor PDF), so a B is the same green on screen and on paper. Grades run best to worst on a
 * ColorBrewer RdYlGn ramp, which stays readable in greyscale print; the Ombudsman's zones keep
 * their own names' colours. Not official: no source prescribes band colours.
 */
export const GRADE_COLOURS: Readonly<Record<string, string>> = {
  A: '#1a9850',
  B: '#91cf60',
  C: '#fee08b',
  D: '#fc8d59',
  E: '#d73027',
  F: '#a50026',
};

export const ZONE_COLOURS: Readonly<Record<string, string>> = {
  GREEN: '#1a9850',
  YELLOW: '#fee08b',
  RED: '#d73027',
};

/** Where there is no band to draw (no result, or none published). */
export const NO_BAND_COLOUR = '#9e9e9e';

/** A band's colour: its grade's (A+ and A- as A), else its zone's, else grey. */
export function bandColour(band: { grade?: string | null; zone?: string | null }): string {
  return (
    (band.grade ? GRADE_COLOURS[band.grade.charAt(0)] : undefined) ??
    (band.zone ? ZONE_COLOURS[band.zone] : undefined) ??
    NO_BAND_COLOUR
  );
}

/** Text that stays legible on a band's colour. */
export function inkOn(colour: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
  const luminance = (0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0)) / 255;
  return luminance > 0.6 ? '#1b1b1b' : '#ffffff';
}
