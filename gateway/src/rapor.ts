import { bandColour, methodologyById } from '@mutu/scoring';
import PDFDocument from 'pdfkit';
import { badParameter, int, type Language, type ReportFile, type Run, text } from './reports.js';

/**
 * The rapor (scorecard) of one government as a PDF, made on the server with pdfkit (no browser
 * at run time): for each framework with published results, its scores across the years as a
 * chart coloured by band and as a table with each result's source, then its awards, then where
 * the figures come from and when the file was made. The figures are the graph's answer to the
 * caller who downloads it.
 */

interface ResultRow {
  cycle: { year: number };
  score: number;
  band: {
    grade: string | null;
    label: string;
    zone: string | null;
    methodology: string;
    methodologyName: string;
  };
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
  band { grade label zone methodology methodologyName }`;
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
    framework: 'IPP',
    id: 'Indeks Pelayanan Publik (KemenPAN-RB)',
    en: 'Public Service Index (KemenPAN-RB)',
  },
  {
    key: 'ombudsman',
    framework: 'OMBUDSMAN_COMPLIANCE',
    id: 'Penilaian Kepatuhan / Maladministrasi (Ombudsman RI)',
    en: 'Compliance / maladministration assessment (Ombudsman RI)',
  },
  {
    key: 'skm',
    framework: 'SKM',
    id: 'Survei Kepuasan Masyarakat (SKM)',
    en: 'Public satisfaction survey (SKM)',
  },
] as const;

/** How far along its method's scale (packages/scoring) a score is, 0 to 1, for a bar's length. */
function shareOf(score: number, band: { methodology: string }) {
  const scale = methodologyById(band.methodology)?.scale ?? { min: 0, max: 100 };
  return Math.min(1, Math.max(0, (score - scale.min) / (scale.max - scale.min)));
}

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
  const id = text(params, 'organisationId');
  if (!id) throw badParameter('organisationId', 'organisationId is required ("15.01")');
  const { organisation } = await run<Rapor>(RAPOR, { id });
  if (!organisation) throw badParameter('organisationId', `No organisation ${id}`);
  const words = WORDS[language];
  const { doc, finish } = page(
    `${words.title}: ${organisation.name}`,
    words.title,
    organisation.name,
    [organisation.province?.name, organisation.id].filter(Boolean).join(' · '),
  );

  for (const framework of FRAMEWORKS) {
    const rows = [...(organisation[framework.key] ?? [])].sort(
      (a, b) => a.cycle.year - b.cycle.year,
    );
    if (rows.length === 0) continue;
    if (doc.y > 600) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13).text(framework[language]).moveDown(0.3);
    chart(doc, rows);
    table(
      doc,
      [50, 95, 145, 290, 360],
      [words.year, words.score, words.band, words.change, words.source],
      [...rows]
        .reverse()
        .map((row) => [
          String(row.cycle.year),
          String(row.score),
          [row.band.grade, row.band.label].filter(Boolean).join(' '),
          row.change
            ? row.change.comparable && row.change.delta !== null
              ? signed(row.change.delta)
              : words.broken
            : '-',
          row.assessment.source,
        ]),
    );
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
  return finish(`rapor-${organisation.id}.pdf`, `${words.made} ${stamp()} UTC. ${words.from}`);
}

const stamp = () => new Date().toISOString().slice(0, 16).replace('T', ' ');
const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;

/** An A4 document with its heading; `finish` adds the closing line and gives the file. */
function page(title: string, heading: string, name: string, subtitle: string) {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Author: 'Mutu' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font('Helvetica-Bold').fontSize(20).text(heading);
  doc.fontSize(16).text(name);
  doc.font('Helvetica').fontSize(10).fillColor('#555555').text(subtitle).fillColor('black');
  doc.moveDown();
  return {
    doc,
    async finish(filename: string, closing: string): Promise<ReportFile> {
      doc.fontSize(8).fillColor('#555555').text(closing, 50);
      doc.end();
      await done;
      return { filename, format: 'pdf', body: Buffer.concat(chunks) };
    },
  };
}

/** A table whose rows are as tall as their tallest cell (a source may take several lines). */
function table(doc: PDFKit.PDFDocument, columns: number[], header: string[], rows: string[][]) {
  const widthOf = (i: number) => (columns[i + 1] ?? 545) - (columns[i] ?? 0) - 5;
  let y = doc.y;
  doc.font('Helvetica-Bold').fontSize(9);
  for (const [i, h] of header.entries()) doc.text(h, columns[i], y, { width: widthOf(i) });
  doc.font('Helvetica');
  y += 14;
  for (const cells of rows) {
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

/** Bars of the scores across the years, each in its band's colour, on the scale's own height. */
function chart(doc: PDFKit.PDFDocument, rows: ResultRow[]) {
  const left = 50;
  const top = doc.y;
  const height = 90;
  const width = 495;
  doc.rect(left, top, width, height).fillColor('#f5f5f5').fill();
  const slot = Math.min(60, width / rows.length);
  rows.forEach((row, i) => {
    const h = Math.max(1, shareOf(row.score, row.band) * (height - 18));
    const x = left + i * slot + slot * 0.2;
    const y = top + height - 12 - h;
    doc
      .rect(x, y, slot * 0.6, h)
      .fillColor(bandColour(row.band))
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

interface Entry {
  rank: number;
  score: number;
  band: ResultRow['band'];
  organisation: { id: string; name: string };
}

const TABLES = `rank score organisation { id name } band { grade label zone methodology methodologyName }`;
const PROVINCE_RAPOR = `query ProvinceRapor($code: String!, $framework: Framework!, $year: Int!, $previous: Int!) {
  province(code: $code) { code name }
  regencies: ranking(framework: $framework, year: $year, provinceCode: $code, group: REGENCY) { ${TABLES} }
  cities: ranking(framework: $framework, year: $year, provinceCode: $code, group: CITY) { ${TABLES} }
  regenciesBefore: ranking(framework: $framework, year: $previous, provinceCode: $code, group: REGENCY) { ${TABLES} }
  citiesBefore: ranking(framework: $framework, year: $previous, provinceCode: $code, group: CITY) { ${TABLES} }
}`;

const PROVINCE_WORDS = {
  id: {
    title: 'Rapor Pelayanan Publik Provinsi',
    rank: 'Peringkat',
    name: 'Pemerintah',
    regencies: 'Kabupaten',
    cities: 'Kota',
    fresh: 'baru',
    empty: 'Belum ada hasil yang diumumkan untuk kelompok ini.',
    from: 'Angka dari graf Mutu (peringkat); perubahan terhadap tahun sebelumnya.',
  },
  en: {
    title: 'Provincial Public Service Scorecard',
    rank: 'Rank',
    name: 'Government',
    regencies: 'Regencies',
    cities: 'Cities',
    fresh: 'new',
    empty: 'No published results in this group yet.',
    from: "Figures from Mutu's graph (ranking); change against the year before.",
  },
} as const;

/**
 * The rapor of a province for one framework and year: its regencies and its cities ranked apart
 * (the official peer groups), each with its band and its change since the year before, "metode
 * berubah" across a change of method.
 */
export async function provinceRaporOf(
  run: Run,
  params: URLSearchParams,
  language: Language,
): Promise<ReportFile> {
  const code = text(params, 'provinceCode');
  if (!code) throw badParameter('provinceCode', 'provinceCode is required ("15")');
  const framework = text(params, 'framework')?.toUpperCase();
  if (!framework) throw badParameter('framework', 'framework is required (IPP, ...)');
  const year = int(params, 'year', true) as number;
  const data = await run<{
    province: { code: string; name: string } | null;
    regencies: Entry[];
    cities: Entry[];
    regenciesBefore: Entry[];
    citiesBefore: Entry[];
  }>(PROVINCE_RAPOR, { code, framework, year, previous: year - 1 });
  if (!data.province) throw badParameter('provinceCode', `No province ${code}`);
  const words = { ...WORDS[language], ...PROVINCE_WORDS[language] };
  const { doc, finish } = page(
    `${words.title} ${data.province.name}: ${framework} ${year}`,
    words.title,
    data.province.name,
    `${FRAMEWORKS.find((f) => f.framework === framework)?.[language] ?? framework} ${year} · ${data.province.code}`,
  );
  for (const [heading, entries, before] of [
    [words.regencies, data.regencies, data.regenciesBefore],
    [words.cities, data.cities, data.citiesBefore],
  ] as const) {
    if (doc.y > 650) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13).text(heading, 50).moveDown(0.3);
    if (entries.length === 0) {
      doc.font('Helvetica').fontSize(10).text(words.empty).moveDown();
      continue;
    }
    const previous = new Map(before.map((e) => [e.organisation.id, e]));
    bars(doc, entries);
    table(
      doc,
      [50, 105, 300, 350, 460],
      [words.rank, words.name, words.score, words.band, words.change],
      entries.map((e) => {
        const then = previous.get(e.organisation.id);
        const change = !then
          ? words.fresh
          : then.band.methodologyName !== e.band.methodologyName
            ? words.broken
            : signed(Math.round((e.score - then.score) * 100) / 100);
        return [
          String(e.rank),
          e.organisation.name,
          String(e.score),
          [e.band.grade, e.band.label].filter(Boolean).join(' '),
          change,
        ];
      }),
    );
  }
  return finish(
    `rapor-${data.province.code}-${framework.toLowerCase()}-${year}.pdf`,
    `${words.made} ${stamp()} UTC. ${words.from}`,
  );
}

/** One bar per government, best first, each in its band's colour. */
function bars(doc: PDFKit.PDFDocument, entries: Entry[]) {
  const left = 50;
  const label = 150;
  const width = 495 - label - 40;
  let y = doc.y;
  doc.fontSize(7);
  for (const e of entries) {
    if (y > 780) {
      doc.addPage();
      y = 50;
    }
    doc.fillColor('black').text(e.organisation.name, left, y, {
      width: label - 5,
      lineBreak: false,
      ellipsis: true,
      height: 9,
    });
    const w = Math.max(1, shareOf(e.score, e.band) * width);
    doc
      .rect(left + label, y, w, 8)
      .fillColor(bandColour(e.band))
      .fill();
    doc.fillColor('black').text(String(e.score), left + label + w + 3, y, { lineBreak: false });
    y += 11;
  }
  doc.x = left;
  doc.y = y + 8;
}
