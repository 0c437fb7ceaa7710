import { useCallback, useEffect, useState } from 'react';

/**
 * The dashboard's whole state lives in the address (?view=provinsi&province=64&framework=IPP
 * &year=2024&lang=en), so a link shows the reader what the sender saw, and Back works.
 */
export type View = 'nasional' | 'provinsi' | 'pemerintah' | 'siklus';

export interface Route {
  view: View;
  framework: string;
  year?: number;
  province?: string;
  organisation?: string;
  cycle?: string;
  lang: 'id' | 'en';
}

const VIEWS: readonly View[] = ['nasional', 'provinsi', 'pemerintah', 'siklus'];

export function parseRoute(search: string): Route {
  const q = new URLSearchParams(search);
  const view = q.get('view') as View | null;
  const year = Number(q.get('year'));
  return {
    view: view && VIEWS.includes(view) ? view : 'nasional',
    framework: q.get('framework') ?? 'IPP',
    year: Number.isInteger(year) && year > 0 ? year : undefined,
    province: q.get('province') ?? undefined,
    organisation: q.get('id') ?? undefined,
    cycle: q.get('cycle') ?? undefined,
    lang: q.get('lang') === 'en' ? 'en' : 'id',
  };
}

export function searchOf(route: Route): string {
  const q = new URLSearchParams();
  q.set('view', route.view);
  q.set('framework', route.framework);
  if (route.year) q.set('year', String(route.year));
  if (route.province) q.set('province', route.province);
  if (route.organisation) q.set('id', route.organisation);
  if (route.cycle) q.set('cycle', route.cycle);
  if (route.lang === 'en') q.set('lang', 'en');
  return `?${q}`;
}

/** The current route, and a way to move to another (a new history entry). */
export function useRoute(): [
  Route,
  (next: Partial<Route>) => void,
  (next: Partial<Route>) => string,
] {
  const [route, setRoute] = useState(() => parseRoute(location.search));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const hrefOf = useCallback((next: Partial<Route>) => searchOf({ ...route, ...next }), [route]);
  const go = useCallback(
    (next: Partial<Route>) => {
      const merged = { ...route, ...next };
      history.pushState(null, '', searchOf(merged));
      setRoute(merged);
      scrollTo({ top: 0 });
    },
    [route],
  );
  return [route, go, hrefOf];
}
