import { assertProvinceCode } from '@mutu/service';
import { builder } from '../builder.js';
import { assertYear } from '../inputs.js';
import { Framework, PeerGroup } from '../refs.js';

/**
 * Where the gateway serves a league table or a worklist as a file (its /reports routes). The
 * file is the graph's answer for whoever downloads it, with their own token: a link shared with
 * someone else shows that person what they may see, never what the sharer could.
 */
interface FileLinkShape {
  path: string;
  filename: string;
  mediaType: string;
}

const FileFormat = builder.enumType('FileFormat', {
  description: 'A download: XLSX for people (a spreadsheet with its sources), CSV for programs.',
  values: {
    XLSX: { value: 'xlsx' },
    CSV: { value: 'csv' },
  },
});

const MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

const FileLink = builder.objectRef<FileLinkShape>('FileLink').implement({
  description:
    "A file of the graph's data: GET `path` on the gateway's origin with the same bearer token as the graph (none for public data). Headers are in Indonesian; add `&lang=en` for English.",
  fields: (t) => ({
    path: t.exposeString('path', {
      description:
        'Relative to the gateway ("/reports/league-table.xlsx?framework=IPP&year=2024").',
    }),
    filename: t.exposeString('filename'),
    mediaType: t.exposeString('mediaType'),
  }),
});

const link = (
  name: string,
  file: (string | number | null | undefined)[],
  format: keyof typeof MEDIA_TYPES,
  params: Record<string, string | number | null | undefined>,
): FileLinkShape => {
  const query = new URLSearchParams(
    Object.entries(params).flatMap(([k, v]): [string, string][] =>
      v == null ? [] : [[k, String(v)]],
    ),
  );
  return {
    path: `/reports/${name}.${format}?${query}`,
    filename: `${file.filter((p) => p != null && p !== '').join('-')}.${format}`,
    mediaType: MEDIA_TYPES[format],
  };
};

builder.queryFields((t) => ({
  raporFile: t.field({
    type: FileLink,
    description:
      "A government's rapor (scorecard) as a PDF: its published results in every framework across the years, as a chart in the bands' colours and as a table with each result's source, its awards, and when the file was made.",
    args: { organisationId: t.arg.id({ required: true }) },
    resolve: (_root, { organisationId }) =>
      link('rapor', ['rapor', String(organisationId)], 'pdf', {
        organisationId: String(organisationId),
      }),
  }),
  provinceRaporFile: t.field({
    type: FileLink,
    description:
      "A province's rapor for one framework and year as a PDF: its regencies and its cities ranked apart, each with its band and its change since the year before.",
    args: {
      provinceCode: t.arg.string({ required: true }),
      framework: t.arg({ type: Framework, required: true }),
      year: t.arg.int({ required: true }),
    },
    resolve: (_root, { provinceCode, framework, year }) => {
      assertProvinceCode(provinceCode, 'provinceCode');
      assertYear(year);
      return link('rapor-provinsi', ['rapor', provinceCode, framework.toLowerCase(), year], 'pdf', {
        provinceCode,
        framework,
        year,
      });
    },
  }),
  leagueTableFile: t.field({
    type: FileLink,
    description:
      'The league table `ranking` gives for the same arguments, as a file to download (peringkat).',
    args: {
      framework: t.arg({ type: Framework, required: true }),
      year: t.arg.int({ required: true }),
      provinceCode: t.arg.string(),
      group: t.arg({ type: PeerGroup }),
      format: t.arg({ type: FileFormat, defaultValue: 'xlsx', required: true }),
    },
    resolve: (_root, { framework, year, provinceCode, group, format }) => {
      assertYear(year);
      if (provinceCode != null) assertProvinceCode(provinceCode, 'provinceCode');
      return link(
        'league-table',
        ['peringkat', framework.toLowerCase(), year, provinceCode, group?.toLowerCase()],
        format,
        { framework, year, provinceCode, group },
      );
    },
  }),
  worklistFile: t.field({
    type: FileLink,
    description:
      "A cycle's worklist as `assessments` gives it to the same caller, as a file to download (daftar kerja), narrowed to a province or a regency.",
    args: {
      cycleId: t.arg.id({ required: true }),
      provinceCode: t.arg.string(),
      regencyCode: t.arg.string(),
      format: t.arg({ type: FileFormat, defaultValue: 'xlsx', required: true }),
    },
    resolve: (_root, { cycleId, provinceCode, regencyCode, format }) => {
      if (provinceCode != null) assertProvinceCode(provinceCode, 'provinceCode');
      return link(
        'worklist',
        ['daftar-kerja', String(cycleId), provinceCode, regencyCode],
        format,
        { cycleId: String(cycleId), provinceCode, regencyCode },
      );
    },
  }),
}));
