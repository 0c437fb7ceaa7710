import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** One data row of a sheet: its row number as the spreadsheet shows it, cells by header. */
export interface SheetRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

export interface Sheet {
  /** Column names, lower-cased and trimmed, in order. */
  readonly header: readonly string[];
  readonly rows: readonly SheetRow[];
}

export class UnreadableSheet extends Error {}

/** XLSX files are ZIP archives: they start with PK\x03\x04. */
const isXlsx = (bytes: Buffer) =>
  bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;

/**
 * A CSV (comma or semicolon separated, as Indonesian spreadsheets export) or the first sheet of
 * an XLSX workbook, told apart by the bytes. Empty rows are skipped; row numbers count them.
 */
export async function readSheet(bytes: Buffer): Promise<Sheet> {
  return isXlsx(bytes) ? readXlsx(bytes) : readCsv(bytes.toString('utf8'));
}

function readCsv(text: string): Sheet {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.indexOf('\n') >>> 0);
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new UnreadableSheet(`not valid CSV: ${(error as Error).message}`);
  }
  return fromRecords(records.map((cells, i) => ({ row: i + 1, cells })));
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableSheet(`not a readable XLSX workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableSheet('the workbook has no sheet');
  const records: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    records.push({ row: number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return fromRecords(records);
}

function fromRecords(records: { row: number; cells: string[] }[]): Sheet {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...data] = nonEmpty;
  if (!head) throw new UnreadableSheet('the file is empty');
  const header = head.cells.map((h) => h.trim().toLowerCase());
  return {
    header,
    rows: data.map((r) => ({
      row: r.row,
      cells: Object.fromEntries(header.map((h, i) => [h, (r.cells[i] ?? '').trim()])),
    })),
  };
}
