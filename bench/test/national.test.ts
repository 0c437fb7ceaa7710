import { createTestDatabase, type ScratchDatabase } from '@mutu/db/testing';
import { jwksOf } from '@mutu/server';
import { graphql, registerTestAudience, testKeys } from '@mutu/server/testing';
import { serveService, serviceTrust } from '@mutu/service';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bandOf, lokusTotal, methodologyById } from '../../packages/scoring/src/index.js';
import { service as assessments } from '../../services/assessments/src/service.js';
import {
  AlreadyGeneratedError,
  generateNational,
  type NationalReport,
} from '../src/national/national.js';
import { planOf } from '../src/national/plan.js';
import { MIGRATIONS, SERVICES, type ServiceName } from '../src/national/targets.js';

// One province and two regencies: three full governments, in seconds on PGlite.
const SCALE = 0.004;
const databases = {} as Record<ServiceName, ScratchDatabase>;
const targets = () =>
  Object.fromEntries(SERVICES.map((n) => [n, { url: databases[n].url, dataDir: '' }])) as Record<
    ServiceName,
    { url: string; dataDir: string }
  >;

async function query<T extends pg.QueryResultRow>(name: ServiceName, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databases[name].url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A digest of a few tables' ordered rows: equal digests, identical data. */
async function digest(): Promise<string> {
  const of = async (name: ServiceName, table: string, order: string) =>
    (
      await query<{ d: string }>(
        name,
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY ${order}), '')) AS d FROM "${table}" t`,
      )
    )[0]?.d;
  return [
    await of('organisations', 'Organisation', 'id'),
    await of('assessments', 'Assessment', 'id'),
    await of('assessments', 'Lokus', 'id'),
    await of('assessments', 'ComponentScore', '"lokusId", key'),
    await of('assessments', 'Finding', 'id'),
    await of('engagement', 'Event', 'id'),
    await of('engagement', 'Award', 'id'),
  ].join(' ');
}

let first: NationalReport;
let firstDigest: string;

beforeAll(async () => {
  for (const name of SERVICES) databases[name] = await createTestDatabase(MIGRATIONS[name]);
  first = await generateNational({ plan: planOf({ scale: SCALE, seed: 7 }), targets: targets() });
  firstDigest = await digest();
}, 120_000);

afterAll(async () => {
  for (const name of SERVICES) await databases[name]?.drop();
});

describe('pnpm data:national', () => {
  it('populates governments in proportion to the scale, each as full as a national one', async () => {
    expect(first.governments).toBe(3);
    // Extrapolated to all 552 governments, the counts land near the national targets.
    const national = (count: number) => (count * 552) / first.governments;
    expect(national(first.counts.organisations.Organisation ?? 0)).toBeGreaterThan(35_000);
    expect(national(first.counts.organisations.Organisation ?? 0)).toBeLessThan(65_000);
    expect(national(first.counts.assessments.Assessment ?? 0)).toBeGreaterThan(700_000);
    expect(national(first.counts.assessments.Assessment ?? 0)).toBeLessThan(1_300_000);
    const engagement = Object.entries(first.counts.engagement)
      .filter(([t]) => ['Event', 'Agreement', 'Award'].includes(t))
      .reduce((s, [, n]) => s + n, 0);
    expect(national(engagement)).toBeGreaterThan(12_000);
    expect(national(engagement)).toBeLessThan(30_000);
    for (const table of [
      'Finding',
      'FollowUp',
      'Evidence',
      'SurveyResponse',
      'SelfEvaluation',
      'IndicatorScore',
    ]) {
      expect(first.counts.assessments[table], table).toBeGreaterThan(0);
    }
    // The demo's real results stay beside the synthetic ones.
    const [demo] = await query<{ n: string }>(
      'assessments',
      `SELECT count(*) AS n FROM "Assessment" WHERE NOT synthetic`,
    );
    expect(Number(demo?.n)).toBeGreaterThan(0);
    const names = await query<{ name: string; source: string }>(
      'organisations',
      `SELECT name, source FROM "Organisation" WHERE source LIKE 'synthetic:%'`,
    );
    expect(
      names.every(
        (o) =>
          o.name.endsWith('(sintetis)') && o.source === 'synthetic: pnpm data:national, seed 7',
      ),
    ).toBe(true);
  });

  it('scores every assessment within its method: totals band and follow from their lokus', async () => {
    const rows = await query<{
      id: string;
      methodologyId: string;
      total: number | null;
      status: string;
      exacts: number[] | null;
    }>(
      'assessments',
      `SELECT a.id, a."methodologyId", a.total, a.status::text AS status,
              array_agg(l."exactTotal") FILTER (WHERE l.id IS NOT NULL) AS exacts
       FROM "Assessment" a LEFT JOIN "Lokus" l ON l."assessmentId" = a.id
       WHERE a.synthetic GROUP BY a.id`,
    );
    expect(rows.length).toBe(first.counts.assessments.Assessment);
    for (const row of rows) {
      const m = methodologyById(row.methodologyId);
      expect(m, row.id).toBeDefined();
      if (!m) continue;
      if (row.total === null) {
        expect(row.status, row.id).not.toBe('PUBLISHED');
        continue;
      }
      expect(() => bandOf(m, row.total as number), row.id).not.toThrow();
      if (row.exacts?.length && row.exacts.every((e) => e !== null)) {
        expect(lokusTotal(m, row.exacts).total, row.id).toBeCloseTo(row.total, 6);
      }
    }
  });

  it('refuses a second run, and --replace with the same seed gives identical rows', async () => {
    await expect(
      generateNational({ plan: planOf({ scale: SCALE, seed: 7 }), targets: targets() }),
    ).rejects.toBeInstanceOf(AlreadyGeneratedError);
    expect(await digest()).toBe(firstDigest);
    await generateNational({
      plan: planOf({ scale: SCALE, seed: 7 }),
      targets: targets(),
      replace: true,
    });
    expect(await digest()).toBe(firstDigest);
  }, 60_000);

  it('differs with another seed', async () => {
    await generateNational({
      plan: planOf({ scale: SCALE, seed: 8 }),
      targets: targets(),
      replace: true,
    });
    expect(await digest()).not.toBe(firstDigest);
  }, 60_000);

  it('answers a national ranking over the generated governments through the assessments subgraph', async () => {
    const trust = serviceTrust('assessments', {
      gatewayKeys: jwksOf(await testKeys.gateway()),
      callerKeys: {},
      ownKey: await testKeys.service('assessments'),
    });
    assessments.connect(databases.assessments.url, { max: 1 });
    const server = await serveService(assessments, trust, { port: 0 });
    registerTestAudience(server.url, 'assessments');
    try {
      const answer = await graphql<{
        ranking: { rank: number; score: number; organisation: { id: string } }[];
      }>(
        server.url,
        `{ ranking(framework: OMBUDSMAN_COMPLIANCE, year: 2023, group: REGENCY) { rank score organisation { id } } }`,
      );
      expect(answer.errors).toBeUndefined();
      const ranking = answer.data?.ranking ?? [];
      const [generated] = await query<{ n: string }>(
        'assessments',
        `SELECT count(*) AS n FROM "Assessment" WHERE synthetic AND "cycleId" = 'ombudsman-compliance-2023' AND "peerGroup" = 'REGENCY' AND status = 'PUBLISHED'`,
      );
      expect(Number(generated?.n)).toBeGreaterThan(0);
      expect(ranking.length).toBeGreaterThanOrEqual(Number(generated?.n));
      expect(ranking[0]?.rank).toBe(1);
      const scores = ranking.map((e) => e.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    } finally {
      await server.close();
      await assessments.disconnect();
    }
  }, 60_000);
});
