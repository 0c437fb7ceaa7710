import { assessmentCycleId } from '@mutu/service';
import {
  assessmentTables,
  generateGovernmentAssessments,
  type PublishedResult,
  type StoredCycle,
} from './assessments.js';
import { BulkWriter } from './bulk.js';
import { engagementTables, generateAwards, generateGovernmentEvents } from './engagement.js';
import {
  generateGovernmentBodies,
  organisationTables,
  type SyntheticOrganisation,
} from './organisations.js';
import { dayIn, type Government, type Plan, populatedGovernments } from './plan.js';
import { removeSynthetic, syntheticPresent } from './replace.js';
import { cyclesIn } from './scoring.js';
import { type OpenTarget, openTarget, SERVICES, type ServiceName, type Target } from './targets.js';

export interface NationalOptions {
  readonly plan: Plan;
  readonly targets: Record<ServiceName, Target>;
  /** Replace an earlier run's synthetic data; without it a second run refuses. */
  readonly replace?: boolean;
  readonly batchSize?: number;
  readonly log?: (line: string) => void;
}

export interface NationalReport {
  readonly phases: { name: string; ms: number }[];
  /** Rows inserted, by database and table. */
  readonly counts: Record<ServiceName, Record<string, number>>;
  readonly totalMs: number;
  readonly governments: number;
}

export class AlreadyGeneratedError extends Error {}

/**
 * The national data set: migrates and seeds each service's database as it starts, then adds
 * the synthetic bulk in one transaction per database, so a failed run leaves nothing behind.
 */
export async function generateNational(options: NationalOptions): Promise<NationalReport> {
  const { plan } = options;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const phases: { name: string; ms: number }[] = [];
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await work();
    const ms = performance.now() - t;
    phases.push({ name, ms });
    log(`${name}: ${(ms / 1000).toFixed(1)} s`);
    return result;
  };

  const open: Partial<Record<ServiceName, OpenTarget>> = {};
  try {
    await phase('migrate and seed', async () => {
      for (const name of SERVICES) {
        open[name] = await openTarget(name, options.targets[name]);
        log(`  ${name}: ${open[name]?.prepared}`);
      }
    });
    const organisations = open.organisations as OpenTarget;
    const assessments = open.assessments as OpenTarget;
    const engagement = open.engagement as OpenTarget;
    const clients = {
      organisations: organisations.client,
      assessments: assessments.client,
      engagement: engagement.client,
    };
    for (const client of Object.values(clients)) await client.query('BEGIN');

    const earlier = await syntheticPresent(clients.organisations);
    if (earlier > 0) {
      if (!options.replace) {
        throw new AlreadyGeneratedError(
          `National data is already there (${earlier} synthetic organisations): nothing was changed. Run again with --replace to remove it and generate anew.`,
        );
      }
      await phase('remove earlier synthetic data', () => removeSynthetic(clients));
    }

    const { governments, names, offices } = await readRegister(organisations);
    const populated = populatedGovernments(plan, governments);
    log(
      `  ${populated.length} of ${governments.length} governments populated (scale ${plan.scale}, seed ${plan.seed})`,
    );
    const cycles = await phase('cycles', () => writeCycles(assessments, plan));
    const taken = new Set(
      (
        await clients.assessments.query<{ k: string }>(
          `SELECT "cycleId" || ' ' || "subjectId" AS k FROM "Assessment"`,
        )
      ).rows.map((r) => r.k),
    );

    const writers = {
      organisations: new BulkWriter(clients.organisations, options.batchSize),
      assessments: new BulkWriter(clients.assessments, options.batchSize),
      engagement: new BulkWriter(clients.engagement, options.batchSize),
    };
    const orgTables = organisationTables(writers.organisations);
    const engTables = engagementTables(writers.engagement);
    const asmTables = assessmentTables(writers.assessments);

    const bodies = new Map<string, SyntheticOrganisation[]>();
    await phase('organisations', async () => {
      for (const g of populated)
        bodies.set(g.id, await generateGovernmentBodies(plan, g, orgTables));
      await writers.organisations.flush();
    });

    const cycleIds = new Set(cycles.map((c) => c.id));
    const engagementContext = {
      plan,
      tables: engTables,
      ombudsmanOffice: offices,
      names,
      cycleOf: (framework: 'OMBUDSMAN_COMPLIANCE' | 'IPP', year: number) => {
        const id = assessmentCycleId(framework, year);
        return cycleIds.has(id) ? id : null;
      },
    };
    const workshops = new Map<string, Map<number, string>>();
    await phase('events and agreements', async () => {
      for (const g of populated) {
        workshops.set(
          g.id,
          await generateGovernmentEvents(engagementContext, g, bodies.get(g.id) ?? []),
        );
      }
      await writers.engagement.flush();
    });

    const awardable = new Map<string, PublishedResult[]>();
    await phase('assessments', async () => {
      const context = { plan, tables: asmTables, cycles, taken, ombudsmanOffice: offices };
      for (const g of populated) {
        const results = await generateGovernmentAssessments(
          context,
          g,
          bodies.get(g.id) ?? [],
          workshops.get(g.id) ?? new Map(),
        );
        // Only what may earn a piagam is kept: memory stays bounded by the awards, not the results.
        awardable.set(
          g.id,
          results.filter((r) => r.cycle.framework === 'OMBUDSMAN_COMPLIANCE' && r.total >= 88),
        );
      }
      await writers.assessments.flush();
    });

    await phase('awards', async () => {
      for (const g of populated)
        await generateAwards(engagementContext, g, awardable.get(g.id) ?? []);
      await writers.engagement.flush();
    });

    await phase('commit and analyze', async () => {
      for (const client of Object.values(clients)) {
        await client.query('COMMIT');
        await client.query('ANALYZE');
      }
    });
    return {
      phases,
      counts: {
        organisations: writers.organisations.counts(),
        assessments: { AssessmentCycle: cycles.insertedCount, ...writers.assessments.counts() },
        engagement: writers.engagement.counts(),
      },
      totalMs: performance.now() - started,
      governments: populated.length,
    };
  } catch (error) {
    for (const target of Object.values(open))
      await target?.client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    for (const target of Object.values(open)) await target?.close();
  }
}

async function readRegister(organisations: OpenTarget) {
  const { rows } = await organisations.client.query<{
    id: string;
    kind: string;
    name: string;
    provinceCode: string | null;
    regencyCode: string | null;
  }>(
    `SELECT id, kind::text AS kind, name, "provinceCode", "regencyCode" FROM "Organisation"
     WHERE source NOT LIKE 'synthetic:%' ORDER BY id`,
  );
  const governments: Government[] = rows
    .filter((r) => r.kind.endsWith('_GOVERNMENT') && r.provinceCode)
    .map((r) => ({
      id: r.id,
      kind: r.kind as Government['kind'],
      region: r.name.replace(/^Pemerintah /, ''),
      provinceCode: r.provinceCode as string,
      regencyCode: r.regencyCode,
    }));
  const offices = new Map(
    rows
      .filter((r) => r.kind === 'OMBUDSMAN_OFFICE' && r.provinceCode)
      .map((r) => [r.provinceCode as string, r.id]),
  );
  return { governments, names: new Map(rows.map((r) => [r.id, r.name])), offices };
}

/**
 * Every framework's cycles of the decade where packages/scoring has the method: the latest
 * year open (drafts and submissions for the worklists), earlier ones published. A cycle the
 * demo already made keeps its status.
 */
async function writeCycles(assessments: OpenTarget, plan: Plan) {
  const planned = cyclesIn(plan.fromYear, plan.toYear, (f, y) => assessmentCycleId(f, y));
  const stamp = dayIn(2026, 0);
  const inserted = await assessments.client.query(
    `INSERT INTO "AssessmentCycle" (id, framework, year, period, "methodologyId", status, "createdAt", "updatedAt")
     SELECT id, framework::"Framework", year, '', m, status::"CycleStatus", $6, $6
     FROM unnest($1::text[], $2::text[], $3::int4[], $4::text[], $5::text[]) AS t(id, framework, year, m, status)
     ON CONFLICT DO NOTHING`,
    [
      planned.map((c) => c.id),
      planned.map((c) => c.framework),
      planned.map((c) => c.year),
      planned.map((c) => c.methodology.id),
      planned.map((c) => (c.year === plan.toYear ? 'OPEN' : 'PUBLISHED')),
      stamp,
    ],
  );
  const { rows } = await assessments.client.query<{ id: string; status: StoredCycle['status'] }>(
    `SELECT id, status::text AS status FROM "AssessmentCycle" WHERE id = ANY($1)`,
    [planned.map((c) => c.id)],
  );
  const status = new Map(rows.map((r) => [r.id, r.status]));
  const cycles: StoredCycle[] & { insertedCount?: number } = planned.map((c) => ({
    ...c,
    status: status.get(c.id) ?? 'PUBLISHED',
  }));
  return Object.assign(cycles, { insertedCount: inserted.rowCount ?? 0 });
}
