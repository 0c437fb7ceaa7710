import PDFDocument from 'pdfkit';
import { badParameter, type Language, type ReportFile } from './reports.js';

/**
 * The rapor (scorecard) of one government as a PDF, made on the server with pdfkit (no browser
 * at run time): for each framework with published results, its scores across the years as a
 * chart coloured by band and as a table with each result's source, then its awards, then where
 * the figures come from and when the file was made. The figures are the graph's answer to the
 * caller who downloads it.
 */
type Run = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

interface ResultRow {
  cycle: { year: number };
  score: number;
  band: { grade: string | null; label: string; zone: string | null; methodologyName: string };
  change: { delta: number | null; comparable: boolean } | null;
  assessment: { source: string };
}

interface Rapor {
  organisation: {
    id: string;
    name: string;
    province: { name: string } | null;
    ipp: ResultRow[] | null;
    ombudsman: ResultRow[] | null;
    skm: ResultRow[] | null;
    awards: { title: string; awardedOn: string; source: string }[] | null;
  } | null;
}

const RESULT = `cycle { year } score change { delta comparable } assessment { source }
  band { grade label zone methodologyName }`;
const RAPOR = `query Rapor($id: ID!) { organisation(id: $id) {
  id name province { name }
  ipp: results(framework: IPP) { ${RESULT} }
  ombudsman: results(framework: OMBUDSMAN_COMPLIANCE) { ${RESULT} }
  skm: results(framework: SKM) { ${RESULT} }
  awards { title awardedOn source }
} }`;

const FRAMEWORKS = [
  {
    key: 'ipp',
    max: 5,
    id: 'Indeks Pelayanan Publik (KemenPAN-RB)',
    en: 'Public Service Index (KemenPAN-RB)',
  },
  {
    key: 'ombudsman',
    max: 100,
    id: 'Penilaian Kepatuhan / Maladministrasi (Ombudsman RI)',
    en: 'Compliance / maladministration assessment (Ombudsman RI)',
  },
  {
    key: 'skm',
    max: 100,
    id: 'Survei Kepuasan Masyarakat (SKM)',
    en: 'Public satisfaction survey (SKM)',
  },
] as const;

/** Band colours: grades from best to worst, and the Ombudsman's own zone colours. */
const GRADE_COLOURS: Record<string, string> = {
  A: '#1a9850',
  B: '#91cf60',
  C: '#fee08b',
  D: '#fc8d59',
  E: '#d73027',
  F: '#a50026',
};
const ZONE_COLOURS: Record<string, string> = {
  GREEN: '#1a9850',
  YELLOW: '#fee08b',
  RED: '#d73027',
};
const colourOf = (band: ResultRow['band']) =>
  (band.grade ? GRADE_COLOURS[band.grade.charAt(0)] : undefined) ??
  (band.zone ? ZONE_COLOURS[band.zone] : undefined) ??
  '#9e9e9e';

const WORDS = {
  id: {
    title: 'Rapor Pelayanan Publik',
    year: 'Tahun',
    score: 'Nilai',
    band: 'Predikat',
    change: 'Perubahan',
    source: 'Sumber',
    awards: 'Penghargaan',
    none: 'Belum ada hasil yang diumumkan.',
    broken: 'metode berubah',
    made: 'Dibuat',
    from: 'Angka dari graf Mutu; sumber tiap hasil tercantum di tabelnya.',
  },
  en: {
    title: 'Public Service Scorecard',
    year: 'Year',
    score: 'Score',
    band: 'Band',
    change: 'Change',
    source: 'Source',
    awards: 'Awards',
    none: 'No published results yet.',
    broken: 'method changed',
    made: 'Generated',
    from: "Figures from Mutu's graph; each result's source is in its table.",
  },
} as const;

export async function raporOf(
  run: Run,
  params: URLSearchParams,
  language: Language,
): Promise<ReportFile> {
  const id = params.get('organisationId');
  if (!id) throw badParameter('organisationId', 'organisationId is required ("15.01")');
  const { organisation } = await run<Rapor>(RAPOR, { id });
  if (!organisation) throw badParameter('organisationId', `No organisation ${id}`);
  const words = WORDS[language];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${words.title}: ${organisation.name}`, Author: 'Mutu' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  doc.font('Helvetica-Bold').fontSize(20).text(words.title);
  doc.fontSize(16).text(organisation.name);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#555555')
    .text([organisation.province?.name, organisation.id].filter(Boolean).join(' · '))
    .fillColor('black')
    .moveDown();

  for (const framework of FRAMEWORKS) {
    const rows = [...(organisation[framework.key] ?? [])].sort(
      (a, b) => a.cycle.year - b.cycle.year,
    );
    if (rows.length === 0) continue;
    if (doc.y > 600) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13).text(framework[language]).moveDown(0.3);
    chart(doc, rows, framework.max);
    doc.font('Helvetica-Bold').fontSize(9);
    const columns = [50, 95, 145, 290, 360];
    const header = [words.year, words.score, words.band, words.change, words.source];
    let y = doc.y;
    for (const [i, h] of header.entries()) doc.text(h, columns[i], y, { lineBreak: false });
    doc.font('Helvetica');
    y += 14;
    for (const row of [...rows].reverse()) {
      const change = row.change
        ? row.change.comparable && row.change.delta !== null
          ? `${row.change.delta > 0 ? '+' : ''}${row.change.delta}`
          : words.broken
        : '-';
      const cells = [
        String(row.cycle.year),
        String(row.score),
        [row.band.grade, row.band.label].filter(Boolean).join(' '),
        change,
        row.assessment.source,
      ];
      const widthOf = (i: number) => (columns[i + 1] ?? 545) - (columns[i] ?? 0) - 5;
      // A source may take several lines; the row is as tall as its tallest cell.
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widthOf(i) })));
      if (y + height > 790) {
        doc.addPage();
        y = 50;
      }
      for (const [i, c] of cells.entries()) doc.text(c, columns[i], y, { width: widthOf(i) });
      y += height + 3;
    }
    doc.x = 50;
    doc.y = y + 12;
  }
  if (FRAMEWORKS.every((f) => (organisation[f.key] ?? []).length === 0)) {
    doc.font('Helvetica').fontSize(11).text(words.none).moveDown();
  }
  const awards = organisation.awards ?? [];
  if (awards.length > 0) {
    if (doc.y > 700) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13).text(words.awards).moveDown(0.3);
    doc.font('Helvetica').fontSize(9);
    for (const award of awards) doc.text(`${award.awardedOn}  ${award.title} (${award.source})`);
    doc.moveDown();
  }
  doc
    .fontSize(8)
    .fillColor('#555555')
    .text(
      `${words.made} ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. ${words.from}`,
    );
  doc.end();
  await done;
  return {
    filename: `rapor-${organisation.id}.pdf`,
    format: 'pdf',
    body: Buffer.concat(chunks),
  };
}

/** Bars of the scores across the years, each in its band's colour, on the scale's own height. */
function chart(doc: PDFKit.PDFDocument, rows: ResultRow[], max: number) {
  const left = 50;
  const top = doc.y;
  const height = 90;
  const width = 495;
  doc.rect(left, top, width, height).fillColor('#f5f5f5').fill();
  const slot = Math.min(60, width / rows.length);
  rows.forEach((row, i) => {
    const h = Math.max(1, (Math.min(row.score, max) / max) * (height - 18));
    const x = left + i * slot + slot * 0.2;
    const y = top + height - 12 - h;
    doc
      .rect(x, y, slot * 0.6, h)
      .fillColor(colourOf(row.band))
      .fill();
    doc
      .fillColor('black')
      .fontSize(7)
      .text(String(row.score), x - 4, y - 9, {
        width: slot * 0.6 + 8,
        align: 'center',
        lineBreak: false,
      })
      .text(String(row.cycle.year), x - 4, top + height - 10, {
        width: slot * 0.6 + 8,
        align: 'center',
        lineBreak: false,
      });
  });
  doc.fillColor('black');
  doc.x = left;
  doc.y = top + height + 8;
}
