import type pg from 'pg';

/** The array type a column travels in, and the cast that makes it the column's own type. */
export type ColumnType =
  | 'text'
  | 'int'
  | 'float'
  | 'bool'
  | 'timestamp'
  | 'date'
  | 'int[]'
  | { enum: string };

export type Cell = string | number | boolean | Date | null | readonly number[];

export interface TableSpec {
  readonly table: string;
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
}

const ARRAY_TYPE: Record<string, string> = {
  text: 'text[]',
  int: 'int4[]',
  float: 'float8[]',
  bool: 'bool[]',
  timestamp: 'timestamp(3)[]',
  date: 'date[]',
};

/** An int[] column goes as text ('{1,2,3}'): unnest would flatten a two-dimensional array. */
function parameterType(type: ColumnType): string {
  if (typeof type === 'object' || type === 'int[]') return 'text[]';
  return ARRAY_TYPE[type] as string;
}

function selectExpression(type: ColumnType, i: number): string {
  const column = `c${i}`;
  if (typeof type === 'object') return `${column}::"${type.enum}"`;
  if (type === 'int[]') return `${column}::int4[]`;
  return column;
}

function wire(value: Cell, type: ColumnType): unknown {
  if (value === null) return null;
  if (type === 'int[]') return `{${(value as readonly number[]).join(',')}}`;
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return value;
}

/**
 * Rows of one table, sent as one `INSERT ... SELECT FROM unnest(...)` per batch: one parameter
 * per column whatever the batch size, and a single statement for PostgreSQL to plan. Rows are
 * held only until the batch is full, so memory stays bounded at any scale.
 */
export class BulkTable {
  private rows: Cell[][] = [];
  private readonly sql: string;
  inserted = 0;

  constructor(
    private readonly writer: BulkWriter,
    readonly spec: TableSpec,
  ) {
    const names = spec.columns.map(([name]) => `"${name}"`).join(', ');
    const params = spec.columns.map(([, type], i) => `$${i + 1}::${parameterType(type)}`);
    const aliases = spec.columns.map((_, i) => `c${i}`).join(', ');
    const select = spec.columns.map(([, type], i) => selectExpression(type, i));
    this.sql = `INSERT INTO "${spec.table}" (${names}) SELECT ${select.join(', ')} FROM unnest(${params.join(', ')}) AS t(${aliases})`;
  }

  /** Adds one row, its cells in the spec's column order. */
  async add(row: Cell[]): Promise<void> {
    this.rows.push(row);
    // The whole writer, parents first: a child's batch may fill before its parents' does.
    if (this.rows.length >= this.writer.batchSize) await this.writer.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    const columns = this.spec.columns.map(([, type], i) =>
      rows.map((r) => wire(r[i] ?? null, type)),
    );
    await this.writer.client.query(this.sql, columns);
    this.inserted += rows.length;
  }
}

/**
 * The bulk tables of one database over its one connection. Tables are flushed parents first
 * (the order they were declared in), so a foreign key always finds its row.
 */
export class BulkWriter {
  private readonly tables: BulkTable[] = [];

  constructor(
    readonly client: pg.Client,
    readonly batchSize = 10_000,
  ) {}

  table(spec: TableSpec): BulkTable {
    const table = new BulkTable(this, spec);
    this.tables.push(table);
    return table;
  }

  /** Flushes every table, parents first. */
  async flush(): Promise<void> {
    for (const table of this.tables) await table.flush();
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.tables.map((t) => [t.spec.table, t.inserted]));
  }
}
