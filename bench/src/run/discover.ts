import { demoToken } from '@mutu/gateway/src/auth.js';
import { signingKeyFile } from '@mutu/server';
import { type BenchData, seeded } from './operations.js';
import { DEMO_IDP_KEY_FILE } from './platform.js';

export async function post(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** What the operations draw from, read through Mutu's gateway from the data loaded. */
export async function discover(url: string): Promise<BenchData> {
  const governments: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await post(
      url,
      `query($after: String) { organisations(filter: { kind: [REGENCY_GOVERNMENT, CITY_GOVERNMENT] }, first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
      { after },
    );
    const connection = page.data?.organisations as {
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: { id: string } }[];
    };
    governments.push(...connection.edges.map((e) => e.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  // Popularity is a fixed shuffle: the popular governments are not simply the first codes.
  const random = seeded(2026);
  for (let i = governments.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [governments[i], governments[j]] = [governments[j] as string, governments[i] as string];
  }
  const listed = (await post(url, '{ provinces { code } }')).data?.provinces;
  const provinces = ((listed ?? []) as { code: string }[]).map((p) => p.code);
  const years: number[] = [];
  for (let year = new Date().getFullYear(); year >= 2016 && years.length < 2; year -= 1) {
    const ranked = await post(url, `{ ranking(framework: IPP, year: ${year}) { rank } }`);
    if ((ranked.data?.ranking as unknown[] | undefined)?.length) years.push(year);
  }
  return { governments, provinces, years };
}

/** An assessor of every province, from the bench gateway's demo identity provider. */
export async function demoBearer(provinces: readonly string[]): Promise<string> {
  const key = await signingKeyFile(DEMO_IDP_KEY_FILE);
  const token = await demoToken(
    { sub: 'bench@mutu.test', role: 'assessor', regions: [...provinces] },
    key,
    { audience: 'mutu', expiresIn: '2h' },
  );
  return `Bearer ${token}`;
}
