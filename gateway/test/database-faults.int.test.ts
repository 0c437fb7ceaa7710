import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from './platform.js';

/**
 * The database failing under the services, on a real PostgreSQL server (CI's `test:db` run sets
 * TEST_DATABASE_URL; PGlite lives inside the test process and cannot be restarted apart from it).
 * A restart, as the services see it, is every connection cut at once.
 */
const SERVER = process.env.TEST_DATABASE_URL;

describe.skipIf(!SERVER)('the database failing under load', () => {
  let platform: Platform;
  beforeAll(async () => {
    // The gateway waits longer than a transaction may last, so the subgraph's own limit is met.
    platform = await startPlatform({ env: { SUBGRAPH_TIMEOUT_MS: '20000' } });
  }, 240_000);
  afterAll(async () => {
    await platform?.close();
  });

  /** Runs SQL on the server as its administrator, beside the services' own connections. */
  async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: SERVER });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }

  const databases = () =>
    [platform.organisations, platform.assessments, platform.engagement].map((s) =>
      new URL(s.databaseUrl).pathname.slice(1),
    );

  const MIX = [
    '{ organisation(id: "62") { name results(framework: OMBUDSMAN_COMPLIANCE) { score } agreements { title } } }',
    '{ ranking(framework: IPP, year: 2024, provinceCode: "15") { rank score organisation { name } } }',
    '{ provinces { code } }',
  ];

  it('restarted: the services reconnect on their own and no request hangs', async () => {
    const calls: { started: number; ms: number; ok: boolean; codes: string[] }[] = [];
    let running = true;
    const worker = async (offset: number) => {
      for (let i = offset; running; i += 1) {
        const started = performance.now();
        const response = await fetch(platform.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: MIX[i % MIX.length] }),
        });
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        calls.push({
          started,
          ms: performance.now() - started,
          ok: response.status === 200 && !body.errors,
          codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
        });
      }
    };
    const traffic = Promise.all([0, 1, 2].map(worker));
    await sleep(800);
    const cut = performance.now();
    const terminated = await admin(async (client) => {
      const { rowCount } = await client.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = any($1) and pid <> pg_backend_pid()',
        [databases()],
      );
      return rowCount ?? 0;
    });
    await sleep(4_000);
    running = false;
    await traffic;

    expect(terminated).toBeGreaterThan(0);
    // Nothing waited on a dead connection: each answer came within the pool's connect timeout.
    expect(Math.max(...calls.map((c) => c.ms))).toBeLessThan(6_000);
    const firstOk = calls.find((c) => c.started > cut && c.ok);
    expect(firstOk).toBeDefined();
    const recoveredMs = Math.round((firstOk?.started ?? Number.POSITIVE_INFINITY) - cut);
    // Within two seconds of the cut every answer is whole again.
    const late = calls.filter((c) => c.started > cut + 2_000);
    expect(late.length).toBeGreaterThan(0);
    expect(late.filter((c) => !c.ok)).toEqual([]);
    const failed = calls.filter((c) => !c.ok);
    console.log(
      `faults, PostgreSQL restarted: ${terminated} connections cut, ${calls.length} requests, ${failed.length} failed in flight (${[...new Set(failed.flatMap((c) => c.codes))].join(', ') || 'none'}), first whole answer ${recoveredMs} ms after`,
    );
  }, 60_000);

  it('an interactive transaction that times out: the write is refused whole and the service lives', async () => {
    const editor = await platform.bearer({ sub: 'admin@mutu.test', role: 'admin' });
    const read = async () =>
      (
        await platform.ok(
          '{ organisation(id: "15.01") { version shortName auditTrail { id } } }',
          {},
          editor,
        )
      ).organisation as { version: number; shortName: string | null; auditTrail: { id: string }[] };
    const before = await read();
    const [organisations] = databases();
    // Another session holds the row, as a long report or a stuck migration would.
    const url = new URL(SERVER as string);
    url.pathname = `/${organisations}`;
    const holder = new pg.Client({ connectionString: url.toString() });
    await holder.connect();
    await holder.query('begin');
    await holder.query(`select * from "Organisation" where id = '15.01' for update`);
    const started = performance.now();
    const answer = await platform.query(
      `mutation($v: Int!) { updateOrganisation(id: "15.01", expectedVersion: $v, input: { shortName: "Kerinci" }) {
        __typename ... on MutationError { message } } }`,
      { v: before.version },
      editor,
    );
    const ms = performance.now() - started;
    await holder.query('rollback');
    await holder.end();
    console.log(
      `faults, transaction timeout: answered in ${Math.round(ms)} ms with ${JSON.stringify(answer).slice(0, 300)}`,
    );
    // Refused at the lock timeout (5 s), well before the transaction's or the gateway's limit.
    expect(ms).toBeLessThan(8_000);
    expect(answer.data?.updateOrganisation ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('DATABASE_BUSY');
    expect(answer.errors?.[0]?.message).toMatch(/nothing was written/);
    expect(await read()).toEqual(before);
    // The service goes on: the same write now succeeds.
    const retried = await platform.query(
      `mutation($v: Int!) { updateOrganisation(id: "15.01", expectedVersion: $v, input: { shortName: "Kerinci" }) {
        __typename } }`,
      { v: before.version },
      editor,
    );
    expect(retried.data?.updateOrganisation).toMatchObject({
      __typename: 'UpdateOrganisationSuccess',
    });
  }, 60_000);
});
