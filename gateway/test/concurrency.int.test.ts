import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, recordTestFinding, startPlatform } from './platform.js';

/**
 * Many editors at once, as in an assessment window when a Bagian Organisasi, two assessors and
 * an administrator all have the same record open: each write names the version it read, so at
 * each version exactly one wins, every other gets a VersionConflictError, no write is lost or
 * half-made, and the audit trail holds exactly the writes that won, by whom they were made.
 */
let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
}, 240_000);
afterAll(async () => {
  await platform?.close();
});

const EDITORS = 50;
const ROUNDS = 2;

type Result = { __typename: string; message?: string };

/** One mutation sent by EDITORS administrators at once, each with its own subject. */
async function race(
  mutation: string,
  variables: (editor: number) => Record<string, unknown>,
  /** The answers that say "someone else got there first". */
  conflictTypes: readonly string[] = ['VersionConflictError'],
): Promise<{ winners: number[]; conflicts: number; other: string[] }> {
  const answers = await Promise.all(
    Array.from({ length: EDITORS }, async (_, editor) => {
      const headers = await platform.bearer({ sub: `editor-${editor}@mutu.test`, role: 'admin' });
      const answer = await platform.query(mutation, variables(editor), headers);
      const result = Object.values(answer.data ?? {})[0] as Result | undefined;
      return { editor, result, errors: answer.errors };
    }),
  );
  const winners = answers
    .filter((a) => a.result?.__typename.endsWith('Success'))
    .map((a) => a.editor);
  const lost = (a: (typeof answers)[number]) => conflictTypes.includes(a.result?.__typename ?? '');
  const conflicts = answers.filter(lost).length;
  const other = answers
    .filter((a) => !a.result || (!a.result.__typename.endsWith('Success') && !lost(a)))
    .map((a) => JSON.stringify(a.result ?? a.errors));
  return { winners, conflicts, other };
}

const report = (what: string, tried: number, failed: number) =>
  console.log(`concurrency, ${what}: ${tried} concurrent writes tried, ${failed} failed`);

describe(`${EDITORS} editors of the same record at once`, () => {
  it('of an organisation: one wins each version, the audit trail has exactly the winners', async () => {
    const read = async () =>
      (
        await platform.ok(
          '{ organisation(id: "15.01") { version shortName auditTrail { action actor after } } }',
          {},
          await platform.bearer({ sub: 'reader@mutu.test', role: 'admin' }),
        )
      ).organisation as {
        version: number;
        shortName: string | null;
        auditTrail: { action: string; actor: string; after: { shortName?: string } | null }[];
      };
    const start = await read();
    let failed = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const before = await read();
      const { winners, conflicts, other } = await race(
        `mutation($v: Int!, $s: String!) { updateOrganisation(id: "15.01", expectedVersion: $v, input: { shortName: $s }) {
          __typename ... on MutationError { message } } }`,
        (editor) => ({ v: before.version, s: `Kerinci ${round}-${editor}` }),
      );
      expect(other).toEqual([]);
      expect(winners).toHaveLength(1);
      expect(conflicts).toBe(EDITORS - 1);
      failed += other.length;
      const after = await read();
      expect(after.version).toBe(before.version + 1);
      expect(after.shortName).toBe(`Kerinci ${round}-${winners[0]}`);
      expect(after.auditTrail.length).toBe(before.auditTrail.length + 1);
      expect(after.auditTrail.map((e) => e.actor)).toContain(`editor-${winners[0]}@mutu.test`);
    }
    const end = await read();
    expect(end.auditTrail.length - start.auditTrail.length).toBe(ROUNDS);
    report('organisation', EDITORS * ROUNDS, failed);
  }, 60_000);

  it('of an agreement: one wins each version, its history has exactly the winners', async () => {
    const { agreements } = await platform.ok('{ agreements(first: 1) { edges { node { id } } } }');
    const id = (agreements as { edges: { node: { id: string } }[] }).edges[0]?.node.id;
    expect(id).toBeDefined();
    const read = async () =>
      (
        await platform.ok(
          'query($id: ID!) { agreement(id: $id) { version subject history { action actor } } }',
          { id },
          await platform.bearer({ sub: 'reader@mutu.test', role: 'admin' }),
        )
      ).agreement as { version: number; subject: string | null; history: { actor: string }[] };
    let failed = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const before = await read();
      const { winners, conflicts, other } = await race(
        `mutation($id: ID!, $v: Int!, $s: String!) { updateAgreement(id: $id, expectedVersion: $v, input: { subject: $s }) {
          __typename ... on MutationError { message } } }`,
        (editor) => ({ id, v: before.version, s: `Pelayanan publik ${round}-${editor}` }),
      );
      expect(other).toEqual([]);
      expect(winners).toHaveLength(1);
      expect(conflicts).toBe(EDITORS - 1);
      failed += other.length;
      const after = await read();
      expect(after.version).toBe(before.version + 1);
      expect(after.subject).toBe(`Pelayanan publik ${round}-${winners[0]}`);
      expect(after.history.length).toBe(before.history.length + 1);
      expect(after.history.map((e) => e.actor)).toContain(`editor-${winners[0]}@mutu.test`);
    }
    report('agreement', EDITORS * ROUNDS, failed);
  }, 60_000);

  it('of a published assessment: one correction opens, the others conflict', async () => {
    const admin = await platform.bearer({ sub: 'reader@mutu.test', role: 'admin' });
    const read = async () =>
      (
        await platform.ok(
          '{ assessment(id: "ipp-2024.15.01") { version status revisions { id } history { action actor } } }',
          {},
          admin,
        )
      ).assessment as {
        version: number;
        status: string;
        revisions: { id: string }[];
        history: { action: string; actor: string }[];
      };
    const before = await read();
    const { winners, conflicts, other } = await race(
      `mutation($v: Int!, $r: String!) { correctAssessment(id: "ipp-2024.15.01", expectedVersion: $v, reason: $r) {
        __typename ... on MutationError { message } } }`,
      (editor) => ({ v: before.version, r: `Koreksi angka lokus oleh editor ${editor}` }),
      // The first correction opens a draft revision; the rest find one already open (the
      // published revision's own version does not move).
      ['VersionConflictError', 'AlreadyExistsError'],
    );
    expect(other).toEqual([]);
    expect(winners).toHaveLength(1);
    expect(conflicts).toBe(EDITORS - 1);
    const after = await read();
    expect(after.revisions.length).toBe(before.revisions.length + 1);
    // The one new revision, opened by the winner: its history says so once.
    const opened = after.revisions.find((r) => !before.revisions.some((b) => b.id === r.id));
    const revision = (
      await platform.ok(
        'query($id: ID!) { assessment(id: $id) { status history { action actor reason } } }',
        { id: opened?.id },
        admin,
      )
    ).assessment as {
      status: string;
      history: { action: string; actor: string; reason: string }[];
    };
    expect(revision.status).toBe('DRAFT');
    const corrections = revision.history.filter((e) => e.action === 'correct');
    expect(corrections).toHaveLength(1);
    expect(corrections[0]?.actor).toBe(`editor-${winners[0]}@mutu.test`);
    expect(corrections[0]?.reason).toBe(`Koreksi angka lokus oleh editor ${winners[0]}`);
    report('assessment', EDITORS, other.length);
  }, 60_000);

  it('of a finding: one follow-up step is recorded at each version, none lost or doubled', async () => {
    const admin = await platform.bearer({ sub: 'assessor@mutu.test', role: 'admin' });
    const finding = {
      id: await recordTestFinding(platform, 'Standar pelayanan seluruh OPD lokus ditetapkan'),
    };
    const read = async () =>
      (
        await platform.ok(
          'query($id: ID!) { finding(id: $id) { version status followUps { status note by } } }',
          { id: finding.id },
          admin,
        )
      ).finding as { version: number; status: string; followUps: { note: string; by: string }[] };
    let failed = 0;
    for (const [round, step] of ['PLANNED', 'IN_PROGRESS'].entries()) {
      const before = await read();
      const { winners, conflicts, other } = await race(
        `mutation($id: ID!, $v: Int!, $note: String!) { recordFollowUp(findingId: $id, expectedVersion: $v,
          input: { status: ${step}, note: $note }) { __typename ... on MutationError { message } } }`,
        (editor) => ({
          id: finding.id,
          v: before.version,
          note: `Langkah ${round} dari editor ${editor}`,
        }),
      );
      expect(other).toEqual([]);
      expect(winners).toHaveLength(1);
      expect(conflicts).toBe(EDITORS - 1);
      failed += other.length;
      const after = await read();
      expect(after.version).toBe(before.version + 1);
      expect(after.followUps).toHaveLength(before.followUps.length + 1);
      expect(after.followUps.map((f) => f.note)).toContain(
        `Langkah ${round} dari editor ${winners[0]}`,
      );
      expect(after.followUps.map((f) => f.by)).toContain(`editor-${winners[0]}@mutu.test`);
    }
    report('finding', EDITORS * 2, failed);
  }, 60_000);
});
