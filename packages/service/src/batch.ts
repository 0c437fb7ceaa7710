import DataLoader from 'dataloader';

/**
 * A DataLoader per nested selection: Pothos passes a relation's selection as `query`, and
 * requests with the same selection share one loader, so a list on 100 parents costs the
 * statements of one.
 */
export function perQuery<V>(batch: (query: object, keys: readonly string[]) => Promise<V[]>) {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (query: object) => {
    const key = JSON.stringify(query);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader((keys) => batch(query, keys));
      loaders.set(key, loader);
    }
    return loader;
  };
}

/** Each key's linked ids (an agreement's parties, an event's organisations). */
export function linked(links: { from: string; to: string }[]): (id: string) => string[] {
  const map = new Map<string, string[]>();
  for (const { from, to } of links) {
    const list = map.get(from);
    if (list) list.push(to);
    else map.set(from, [to]);
  }
  return (id) => map.get(id) ?? [];
}

/** The rows of each key, in the keys' order: a row may belong to several keys. */
export function groupBy<T>(
  keys: readonly string[],
  rows: T[],
  keysOf: (row: T) => string[],
): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) for (const k of keysOf(row)) groups.get(k)?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
