import pg from 'pg';

/**
 * What a PostgreSQL schema holds, one sorted line per column, constraint, index and enum, read
 * from the catalogs. Two databases with equal lines have the same structure. Prisma's own
 * introspection cannot be used here: its WebAssembly engine rejects the catalogs' "char" columns
 * when reading through the pg driver adapter.
 */
export async function describeSchema(url: string, schema = 'public'): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ignored = '_prisma_migrations';
    const queries: [string, string][] = [
      [
        'column',
        `select table_name || '.' || column_name || ' ' || udt_name ||
                coalesce('(' || character_maximum_length || ')', '') ||
                case when is_nullable = 'NO' then ' not null' else '' end ||
                coalesce(' default ' || column_default, '') as line
           from information_schema.columns
          where table_schema = $1 and table_name <> '${ignored}'`,
      ],
      [
        'constraint',
        `select c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) as line
           from pg_constraint c join pg_namespace n on n.oid = c.connamespace
          where n.nspname = $1 and c.conrelid::regclass::text not like '%${ignored}%'`,
      ],
      [
        'index',
        `select indexname || ' ' || indexdef as line
           from pg_indexes where schemaname = $1 and tablename <> '${ignored}'`,
      ],
      [
        'enum',
        `select t.typname || ' (' || string_agg(e.enumlabel, ', ' order by e.enumsortorder) || ')' as line
           from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
          where n.nspname = $1 group by t.typname`,
      ],
    ];
    const lines: string[] = [];
    for (const [kind, sql] of queries) {
      const { rows } = await client.query<{ line: string }>(sql, [schema]);
      for (const row of rows) lines.push(`${kind} ${row.line}`);
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}
