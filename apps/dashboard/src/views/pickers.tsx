import { CyclesDocument } from '../generated/graphql.js';
import type { QueryState } from '../graph/use-query.js';
import { useQuery } from '../graph/use-query.js';
import type { Route } from '../route.js';
import { FRAMEWORKS, type Words } from '../words.js';

/**
 * The framework and year a view shows. The years are the framework's cycles; without a year in
 * the address the newest closed-or-open cycle with results is taken.
 */
export function usePickedYear(route: Route): {
  years: number[];
  year?: number;
  loading: boolean;
  error?: Error;
} {
  const cycles = useQuery(CyclesDocument, { framework: route.framework as never });
  if (cycles.status === 'error') return { years: [], loading: false, error: cycles.error };
  if (cycles.status !== 'done') return { years: [], loading: true };
  const years = [...new Set(cycles.data.cycles.map((c) => c.year))].sort((a, b) => b - a);
  const newestPublished = cycles.data.cycles
    .filter((c) => c.status !== 'PLANNED')
    .map((c) => c.year)
    .sort((a, b) => b - a)[0];
  return { years, year: route.year ?? newestPublished ?? years[0], loading: false };
}

export function Pickers({
  route,
  go,
  words,
  years,
  year,
}: {
  route: Route;
  go: (next: Partial<Route>) => void;
  words: Words;
  years: number[];
  year?: number;
}) {
  return (
    <div className="pickers">
      <label>
        {words.framework}
        <select
          value={route.framework}
          onChange={(e) => go({ framework: e.target.value, year: undefined })}
        >
          {FRAMEWORKS.map((f) => (
            <option key={f.key} value={f.key}>
              {f[route.lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {words.year}
        <select value={year ?? ''} onChange={(e) => go({ year: Number(e.target.value) })}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/**
 * What a view waits on before its own query: the cycles' years. Their failure is the view's
 * error; no year at all is the view's empty state (null).
 */
export function yearState(picked: ReturnType<typeof usePickedYear>): QueryState<never> | null {
  if (picked.error) return { status: 'error', error: picked.error };
  if (picked.loading) return { status: 'loading' };
  return picked.year ? null : { status: 'done', data: undefined as never, errors: [] };
}
