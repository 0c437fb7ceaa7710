import type pg from 'pg';
import { SYNTHETIC_USER } from './assessments.js';
import { MARKER_PREFIX } from './plan.js';

const LIKE = `${MARKER_PREFIX}%`;

/** Whether an earlier run's national data is in the register (its bodies carry the marker). */
export async function syntheticPresent(organisations: pg.Client): Promise<number> {
  const { rows } = await organisations.query<{ n: string }>(
    `SELECT count(*) AS n FROM "Organisation" WHERE source LIKE $1`,
    [LIKE],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Removes what an earlier run generated and nothing else: rows carrying the marker or made by
 * the synthetic user, children first where no cascade does it. Cycles stay: they are the
 * frameworks' years, which the demo's own results share.
 */
export async function removeSynthetic(clients: {
  organisations: pg.Client;
  assessments: pg.Client;
  engagement: pg.Client;
}): Promise<void> {
  const { organisations, assessments, engagement } = clients;
  for (const table of ['Award', 'Agreement', 'Event']) {
    await engagement.query(`DELETE FROM "${table}" WHERE source LIKE $1`, [LIKE]);
  }
  const synthetic = `SELECT id FROM "Assessment" WHERE synthetic AND source LIKE $1`;
  const findings = `SELECT id FROM "Finding" WHERE "assessmentId" IN (${synthetic})`;
  await assessments.query(`DELETE FROM "FindingDiscussion" WHERE "findingId" IN (${findings})`, [
    LIKE,
  ]);
  await assessments.query(`DELETE FROM "Finding" WHERE "assessmentId" IN (${synthetic})`, [LIKE]);
  await assessments.query(`DELETE FROM "SurveyPeriod" WHERE "openedBy" LIKE $1`, [
    `${SYNTHETIC_USER}%`,
  ]);
  await assessments.query(`DELETE FROM "SelfEvaluation" WHERE "createdBy" LIKE $1`, [
    `${SYNTHETIC_USER}%`,
  ]);
  await assessments.query(`DELETE FROM "Assessment" WHERE synthetic AND source LIKE $1`, [LIKE]);
  const bodies = `SELECT id FROM "Organisation" WHERE source LIKE $1`;
  await organisations.query(
    `DELETE FROM "MallTenant" WHERE "mallId" IN (${bodies}) OR "tenantId" IN (${bodies})`,
    [LIKE],
  );
  await organisations.query(
    `DELETE FROM "PublicServiceMall" WHERE "organisationId" IN (${bodies})`,
    [LIKE],
  );
  // One statement: the parent references are checked when it ends, so order within is free.
  await organisations.query(`DELETE FROM "Organisation" WHERE source LIKE $1`, [LIKE]);
}
