import { createHash } from 'node:crypto';
import { AgeBand, Education, Occupation, Sex } from '@mutu/assessments/enums';
import { assessmentId } from '@mutu/assessments/ids';
import { requiredSample, skmFromAnswers } from '@mutu/scoring';
import { peerGroupOf, provinceOfOrganisation } from '@mutu/service';
import type { BulkTable, BulkWriter, Cell } from './bulk.js';
import type { SyntheticOrganisation } from './organisations.js';
import { dayIn, type Government, type Plan } from './plan.js';
import { clamp, type Random, randomFor } from './random.js';
import {
  type CyclePlan,
  lokusTotal,
  publishedTotal,
  type ScoredUnit,
  scoreByComponents,
  scoreByIndicators,
} from './scoring.js';

/** The user every generated step is by: a made-up subject no token carries. */
export const SYNTHETIC_USER = 'sintetis:data-national';

type Tables = Record<
  | 'assessments'
  | 'lokus'
  | 'components'
  | 'indicators'
  | 'verifications'
  | 'findings'
  | 'followUps'
  | 'evidence'
  | 'discussions'
  | 'surveys'
  | 'responses'
  | 'selfEvaluations'
  | 'selfScores',
  BulkTable
>;

/** Declared parents first: the writer flushes in this order. */
export function assessmentTables(writer: BulkWriter): Tables {
  return {
    assessments: writer.table({
      table: 'Assessment',
      columns: [
        ['id', 'text'],
        ['cycleId', 'text'],
        ['subjectId', 'text'],
        ['peerGroup', { enum: 'PeerGroup' }],
        ['provinceCode', 'text'],
        ['assessorId', 'text'],
        ['status', { enum: 'AssessmentStatus' }],
        ['origin', { enum: 'ScoreOrigin' }],
        ['total', 'float'],
        ['methodologyId', 'text'],
        ['revision', 'int'],
        ['current', 'bool'],
        ['synthetic', 'bool'],
        ['source', 'text'],
        ['note', 'text'],
        ['finding', 'text'],
        ['version', 'int'],
        ['submittedAt', 'timestamp'],
        ['verifiedAt', 'timestamp'],
        ['publishedAt', 'timestamp'],
        ['createdAt', 'timestamp'],
        ['updatedAt', 'timestamp'],
      ],
    }),
    lokus: writer.table({
      table: 'Lokus',
      columns: [
        ['id', 'text'],
        ['assessmentId', 'text'],
        ['unitId', 'text'],
        ['exactTotal', 'float'],
        ['total', 'float'],
        ['version', 'int'],
        ['assessedBy', 'text'],
        ['review', { enum: 'ReviewState' }],
        ['stage', { enum: 'VerificationStage' }],
      ],
    }),
    components: writer.table({
      table: 'ComponentScore',
      columns: [
        ['lokusId', 'text'],
        ['key', 'text'],
        ['score', 'float'],
        ['points', 'float'],
      ],
    }),
    indicators: writer.table({
      table: 'IndicatorScore',
      columns: [
        ['lokusId', 'text'],
        ['key', 'text'],
        ['score', 'int'],
        ['note', 'text'],
        ['scoredBy', 'text'],
        ['scoredAt', 'timestamp'],
      ],
    }),
    verifications: writer.table({
      table: 'Verification',
      columns: [
        ['id', 'text'],
        ['lokusId', 'text'],
        ['stage', { enum: 'VerificationStage' }],
        ['verifier', 'text'],
        ['decision', { enum: 'ReviewDecision' }],
        ['note', 'text'],
        ['decidedAt', 'timestamp'],
      ],
    }),
    findings: writer.table({
      table: 'Finding',
      columns: [
        ['id', 'text'],
        ['assessmentId', 'text'],
        ['lokusId', 'text'],
        ['indicator', 'text'],
        ['kind', { enum: 'FindingKind' }],
        ['organisationId', 'text'],
        ['cycleId', 'text'],
        ['subjectId', 'text'],
        ['provinceCode', 'text'],
        ['text', 'text'],
        ['dueOn', 'date'],
        ['status', { enum: 'FindingStatus' }],
        ['raisedBy', 'text'],
        ['raisedAt', 'timestamp'],
        ['verifiedAt', 'timestamp'],
        ['version', 'int'],
      ],
    }),
    followUps: writer.table({
      table: 'FollowUp',
      columns: [
        ['id', 'text'],
        ['findingId', 'text'],
        ['status', { enum: 'FindingStatus' }],
        ['note', 'text'],
        ['by', 'text'],
        ['at', 'timestamp'],
      ],
    }),
    evidence: writer.table({
      table: 'Evidence',
      columns: [
        ['id', 'text'],
        ['lokusId', 'text'],
        ['indicator', 'text'],
        ['findingId', 'text'],
        ['sha256', 'text'],
        ['size', 'int'],
        ['mediaType', 'text'],
        ['fileName', 'text'],
        ['uploadedBy', 'text'],
        ['uploadedAt', 'timestamp'],
      ],
    }),
    discussions: writer.table({
      table: 'FindingDiscussion',
      columns: [
        ['findingId', 'text'],
        ['eventId', 'text'],
        ['recordedBy', 'text'],
        ['recordedAt', 'timestamp'],
      ],
    }),
    surveys: writer.table({
      table: 'SurveyPeriod',
      columns: [
        ['id', 'text'],
        ['cycleId', 'text'],
        ['organisationId', 'text'],
        ['population', 'int'],
        ['weighting', { enum: 'SkmWeighting' }],
        ['status', { enum: 'SurveyStatus' }],
        ['version', 'int'],
        ['openedBy', 'text'],
        ['openedAt', 'timestamp'],
        ['publishedAt', 'timestamp'],
        ['assessmentId', 'text'],
      ],
    }),
    responses: writer.table({
      table: 'SurveyResponse',
      columns: [
        ['id', 'text'],
        ['periodId', 'text'],
        ['answers', 'int[]'],
        ['ageBand', { enum: 'AgeBand' }],
        ['sex', { enum: 'Sex' }],
        ['education', { enum: 'Education' }],
        ['occupation', { enum: 'Occupation' }],
        ['service', 'text'],
        ['respondedOn', 'date'],
        ['enteredBy', 'text'],
        ['enteredAt', 'timestamp'],
      ],
    }),
    selfEvaluations: writer.table({
      table: 'SelfEvaluation',
      columns: [
        ['id', 'text'],
        ['cycleId', 'text'],
        ['organisationId', 'text'],
        ['status', { enum: 'SelfEvaluationStatus' }],
        ['exactTotal', 'float'],
        ['total', 'float'],
        ['version', 'int'],
        ['createdBy', 'text'],
        ['createdAt', 'timestamp'],
        ['submittedBy', 'text'],
        ['submittedAt', 'timestamp'],
      ],
    }),
    selfScores: writer.table({
      table: 'SelfScore',
      columns: [
        ['selfEvaluationId', 'text'],
        ['key', 'text'],
        ['score', 'int'],
        ['note', 'text'],
        ['scoredBy', 'text'],
        ['scoredAt', 'timestamp'],
      ],
    }),
  };
}

/** A cycle as generated, with the status it has in the database (a demo cycle keeps its own). */
export interface StoredCycle extends CyclePlan {
  readonly status: 'PLANNED' | 'OPEN' | 'CLOSED' | 'PUBLISHED';
}

/** What the engagement generator hears of a result: awards go to the best. */
export interface PublishedResult {
  readonly cycle: StoredCycle;
  readonly assessmentId: string;
  readonly subjectId: string;
  readonly assessorId: string | null;
  readonly total: number;
}

export interface AssessmentContext {
  readonly plan: Plan;
  readonly tables: Tables;
  readonly cycles: readonly StoredCycle[];
  /** `cycleId subjectId` of what the demo already holds: never generated again. */
  readonly taken: ReadonlySet<string>;
  /** The Ombudsman RI perwakilan of each province the register has; else Ombudsman RI. */
  readonly ombudsmanOffice: ReadonlyMap<string, string>;
}

/** How often each kind of subject is assessed in a framework's cycle. */
const UNIT_SHARE: Record<string, number> = {
  OMBUDSMAN_COMPLIANCE: 0.6,
  IPP: 0.55,
  SKM: 1,
  SPBE: 0,
};
/** From this year IPP lokus are scored in Mutu indicator by indicator; before, as imported. */
const INDICATORS_FROM = 2024;

const FINDING_KINDS = ['FINDING', 'TINDAKAN_KOREKTIF', 'SARAN_PERBAIKAN', 'REKOMENDASI'] as const;
const SERVICES = [
  'Pelayanan KTP-el',
  'Pelayanan Izin Usaha',
  'Pelayanan Rawat Jalan',
  'Pelayanan Akta Kelahiran',
  'Pelayanan Bantuan Sosial',
];

/** A sha256 that names no stored object: the evidence rows are rows only (see the report). */
const syntheticHash = (seed: number, id: string) =>
  createHash('sha256').update(`synthetic evidence ${seed} ${id}`).digest('hex');

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/**
 * Every assessment of one government and its bodies in every cycle, with their lokus and
 * scores, findings and follow-ups, evidence rows, self-evaluations and SKM surveys. Totals come
 * from packages/scoring, so every one bands under its cycle's method. Returns the published
 * results, for awards.
 */
export async function generateGovernmentAssessments(
  context: AssessmentContext,
  government: Government,
  bodies: readonly SyntheticOrganisation[],
  workshops: ReadonlyMap<number, string>,
): Promise<PublishedResult[]> {
  const { plan, tables } = context;
  const random = randomFor(plan.seed, 'assessments', government.id);
  const marker = plan.marker;
  const governmentQuality = bodies.length
    ? bodies.reduce((s, b) => s + b.quality, 0) / bodies.length
    : 0.5;
  const units = bodies.filter((b) => b.kind !== 'PUBLIC_SERVICE_MALL');
  const published: PublishedResult[] = [];

  for (const cycle of context.cycles) {
    const m = cycle.methodology;
    const open = cycle.status === 'OPEN' || cycle.status === 'PLANNED';
    const assessor =
      cycle.framework === 'OMBUDSMAN_COMPLIANCE'
        ? (context.ombudsmanOffice.get(government.provinceCode) ?? 'ombudsman-ri')
        : cycle.framework === 'SKM'
          ? null
          : 'kemenpan-rb';
    // Services improve over the decade, as the published national figures do.
    const trend = 0.025 * (cycle.year - 2019);
    const subjects: { id: string; quality: number; lokus: SyntheticOrganisation[] }[] = [];
    subjects.push({
      id: government.id,
      quality: clamp(governmentQuality + trend, 0, 1),
      lokus:
        m.aggregation.rule === 'MEAN' && units.length ? random.sample(units, random.int(3, 6)) : [],
    });
    const share = UNIT_SHARE[cycle.framework] ?? 0;
    for (const unit of units) {
      if (share > 0 && random.chance(share)) {
        subjects.push({ id: unit.id, quality: clamp(unit.quality + trend, 0, 1), lokus: [unit] });
      }
    }
    const surveyed = cycle.framework === 'SKM' && cycle.year >= plan.toYear - 1;

    for (const subject of subjects) {
      if (context.taken.has(`${cycle.id} ${subject.id}`)) continue;
      const id = assessmentId(cycle.id, subject.id);
      const roll = random.next();
      const status = !open
        ? 'PUBLISHED'
        : roll < 0.7
          ? 'PUBLISHED'
          : roll < 0.78
            ? 'VERIFIED'
            : roll < 0.9
              ? 'SUBMITTED'
              : 'DRAFT';
      const created = dayIn(cycle.year, random.int(60, 200));
      const submitted = status === 'DRAFT' ? null : addDays(created, random.int(10, 60));
      const verified =
        status === 'VERIFIED' || status === 'PUBLISHED'
          ? addDays(created, random.int(70, 120))
          : null;
      const publishedAt = status === 'PUBLISHED' ? addDays(created, random.int(130, 200)) : null;

      // SKM of the last two years: some units run their survey in Mutu, answer by answer.
      if (surveyed && subject.id !== government.id && random.chance(0.04)) {
        await generateSurvey(
          context,
          random,
          cycle,
          subject,
          id,
          created,
          status === 'DRAFT' || status === 'SUBMITTED',
          published,
        );
        continue;
      }

      let total: number | null;
      const lokusRows: { id: string; unitId: string; scored: ScoredUnit }[] = [];
      let origin: 'COMPUTED' | 'PUBLISHED_TOTAL' = 'COMPUTED';
      if (!m.components) {
        // Published totals only (Ombudsman 2013-2021, SPBE 2018-2019): recorded as published.
        origin = 'PUBLISHED_TOTAL';
        total = status === 'DRAFT' ? null : publishedTotal(random, m, subject.quality);
      } else {
        const units = subject.lokus.length ? subject.lokus.map((u) => u.id) : [subject.id];
        for (const unitId of units) {
          const unitQuality = clamp(subject.quality + 0.08 * random.normal(), 0, 1);
          const scored =
            cycle.instrument && cycle.year >= INDICATORS_FROM
              ? scoreByIndicators(
                  random,
                  m,
                  cycle.instrument,
                  unitQuality,
                  status !== 'DRAFT' || random.chance(0.3),
                )
              : scoreByComponents(random, m, unitQuality);
          lokusRows.push({ id: random.uuid(), unitId, scored });
        }
        const exacts = lokusRows.map((l) => l.scored.exactTotal);
        total = exacts.every((t): t is number => t !== null) ? lokusTotal(m, exacts).total : null;
      }
      const finding =
        m.findings && total !== null && status === 'PUBLISHED'
          ? total >= 78 && random.chance(0.7)
            ? 'TANPA_MALADMINISTRASI'
            : 'BELUM_TANPA_MALADMINISTRASI'
          : null;
      await tables.assessments.add([
        id,
        cycle.id,
        subject.id,
        peerGroupOf(subject.id),
        provinceOfOrganisation(subject.id),
        assessor,
        status,
        origin,
        total,
        m.id,
        1,
        true,
        true,
        marker,
        marker,
        finding,
        1,
        submitted,
        verified,
        publishedAt,
        created,
        publishedAt ?? verified ?? submitted ?? created,
      ]);
      const review =
        status === 'DRAFT' ? 'DRAFTING' : status === 'SUBMITTED' ? 'IN_REVIEW' : 'ACCEPTED';
      const assessedBy = `${SYNTHETIC_USER}:penilai`;
      for (const lokus of lokusRows) {
        const stage =
          review === 'IN_REVIEW' ? random.pick(['ADMINISTRATIVE', 'FIELD'] as const) : null;
        await tables.lokus.add([
          lokus.id,
          id,
          lokus.unitId,
          lokus.scored.exactTotal,
          lokus.scored.total,
          1,
          assessedBy,
          review,
          stage,
        ]);
        for (const c of lokus.scored.components)
          await tables.components.add([lokus.id, c.key, c.score, c.points]);
        for (const i of lokus.scored.indicators ?? []) {
          await tables.indicators.add([lokus.id, i.key, i.score, null, assessedBy, created]);
          // Bukti dukung on about one indicator in ten.
          if (random.chance(0.1)) {
            const evidenceId = random.uuid();
            await tables.evidence.add([
              evidenceId,
              lokus.id,
              i.key,
              null,
              syntheticHash(plan.seed, evidenceId),
              random.int(40_000, 2_000_000),
              'application/pdf',
              `bukti-dukung-sintetis-${i.key}.pdf`,
              assessedBy,
              created,
            ]);
          }
        }
        if (stage === 'FIELD') {
          await tables.verifications.add([
            random.uuid(),
            lokus.id,
            'ADMINISTRATIVE',
            `${SYNTHETIC_USER}:verifikator`,
            'ACCEPT',
            marker,
            addDays(submitted ?? created, 7),
          ]);
        }
      }
      if (status === 'PUBLISHED' && total !== null) {
        published.push({
          cycle,
          assessmentId: id,
          subjectId: subject.id,
          assessorId: assessor,
          total,
        });
      }
      if (
        status === 'PUBLISHED' &&
        lokusRows.length &&
        cycle.framework !== 'SKM' &&
        random.chance(0.15)
      ) {
        await generateFindings(
          context,
          random,
          cycle,
          id,
          subject.id,
          assessor,
          lokusRows,
          publishedAt ?? created,
          workshops,
        );
      }
    }

    // PEKPPP mandiri: units evaluate themselves in the open IPP cycle.
    if (cycle.framework === 'IPP' && open && cycle.instrument) {
      for (const unit of units) {
        if (!random.chance(0.15)) continue;
        const selfId = random.uuid();
        const submittedSelf = random.chance(0.6);
        const scored = scoreByIndicators(
          random,
          cycle.methodology,
          cycle.instrument,
          clamp(unit.quality + 0.1, 0, 1),
          submittedSelf || random.chance(0.3),
        );
        const at = dayIn(cycle.year, random.int(30, 120));
        await tables.selfEvaluations.add([
          selfId,
          cycle.id,
          unit.id,
          submittedSelf && scored.total !== null ? 'SUBMITTED' : 'DRAFT',
          scored.exactTotal,
          scored.total,
          1,
          `${SYNTHETIC_USER}:unit`,
          at,
          submittedSelf && scored.total !== null ? `${SYNTHETIC_USER}:unit` : null,
          submittedSelf && scored.total !== null ? addDays(at, 20) : null,
        ]);
        for (const i of scored.indicators ?? []) {
          await tables.selfScores.add([selfId, i.key, i.score, null, `${SYNTHETIC_USER}:unit`, at]);
        }
      }
    }
  }
  return published;
}

/**
 * A unit's SKM survey: answers drawn around its quality, the result from skmFromAnswers as
 * publishSurveyPeriod computes it; an open period (the current year's) has no result yet.
 */
async function generateSurvey(
  context: AssessmentContext,
  random: Random,
  cycle: StoredCycle,
  subject: { id: string; quality: number },
  id: string,
  created: Date,
  stillOpen: boolean,
  published: PublishedResult[],
) {
  const { tables, plan } = context;
  const periodId = random.uuid();
  const population = random.int(200, 20_000);
  const respondents = random.int(15, Math.min(80, requiredSample(population)));
  const weighting = random.chance(0.8) ? 'EXACT' : 'ANNEX';
  const elements = cycle.methodology.components?.length ?? 9;
  const answers: number[][] = [];
  for (let r = 0; r < respondents; r += 1) {
    answers.push(
      Array.from({ length: elements }, () =>
        clamp(Math.round(1.6 + 2.6 * subject.quality + 0.7 * random.normal()), 1, 4),
      ),
    );
  }
  const result = skmFromAnswers(answers, { year: cycle.year, weighting });
  const publishedAt = stillOpen ? null : addDays(created, 120);
  if (!stillOpen) {
    const factor = cycle.methodology.totalFactor;
    const weight = weighting === 'EXACT' ? 1 / result.elementMeans.length : 0.111;
    const lokusId = random.uuid();
    const sufficient = respondents >= requiredSample(population);
    await tables.assessments.add([
      id,
      cycle.id,
      subject.id,
      peerGroupOf(subject.id),
      provinceOfOrganisation(subject.id),
      null,
      'PUBLISHED',
      'COMPUTED',
      result.converted,
      cycle.methodology.id,
      1,
      true,
      true,
      `${plan.marker}; SKM in Mutu: ${respondents} respondents, survey ${periodId}`,
      sufficient
        ? plan.marker
        : `${plan.marker}; sample below the Krejcie-Morgan table: ${respondents} of the ${requiredSample(population)} respondents a population of ${population} needs`,
      null,
      1,
      publishedAt,
      publishedAt,
      publishedAt,
      created,
      publishedAt,
    ]);
    await tables.lokus.add([
      lokusId,
      id,
      subject.id,
      result.ikm * factor,
      result.converted,
      1,
      `${SYNTHETIC_USER}:unit`,
      'ACCEPTED',
      null,
    ]);
    for (const e of result.elementMeans) {
      await tables.components.add([lokusId, e.key, e.mean, e.mean * weight * factor]);
    }
    published.push({
      cycle,
      assessmentId: id,
      subjectId: subject.id,
      assessorId: null,
      total: result.converted,
    });
  }
  await tables.surveys.add([
    periodId,
    cycle.id,
    subject.id,
    population,
    weighting,
    stillOpen ? 'OPEN' : 'PUBLISHED',
    stillOpen ? 1 : 2,
    `${SYNTHETIC_USER}:unit`,
    created,
    publishedAt,
    stillOpen ? null : id,
  ]);
  for (const a of answers) {
    const row: Cell[] = [
      random.uuid(),
      periodId,
      a,
      random.chance(0.9) ? random.pick(Object.values(AgeBand)) : null,
      random.chance(0.9) ? random.pick(Object.values(Sex)) : null,
      random.chance(0.8) ? random.pick(Object.values(Education)) : null,
      random.chance(0.8) ? random.pick(Object.values(Occupation)) : null,
      random.pick(SERVICES),
      addDays(created, random.int(0, 90)),
      `${SYNTHETIC_USER}:unit`,
      addDays(created, 95),
    ];
    await tables.responses.add(row);
  }
}

/**
 * What the assessing office asks of a published assessment: one to three findings on its
 * weakest components, each with its tindak lanjut so far (older cycles mostly verified).
 */
async function generateFindings(
  context: AssessmentContext,
  random: Random,
  cycle: StoredCycle,
  assessment: string,
  subjectId: string,
  assessor: string | null,
  lokus: readonly { id: string; unitId: string; scored: ScoredUnit }[],
  raisedAt: Date,
  workshops: ReadonlyMap<number, string>,
) {
  const { tables, plan } = context;
  const age = context.plan.toYear - cycle.year;
  for (let n = random.int(1, 3); n > 0; n -= 1) {
    const target = random.pick(lokus);
    const weakest = [...target.scored.components].sort((a, b) => a.score - b.score)[0];
    const findingId = random.uuid();
    const steps: ('PLANNED' | 'IN_PROGRESS' | 'DONE' | 'VERIFIED')[] = [
      'PLANNED',
      'IN_PROGRESS',
      'DONE',
      'VERIFIED',
    ];
    const reached = age >= 2 ? random.int(2, 4) : age === 1 ? random.int(0, 4) : random.int(0, 2);
    const status = reached === 0 ? 'OPEN' : (steps[reached - 1] as string);
    const verifiedAt = status === 'VERIFIED' ? addDays(raisedAt, 40 * reached) : null;
    await tables.findings.add([
      findingId,
      assessment,
      target.id,
      weakest?.key ?? null,
      random.pick(FINDING_KINDS),
      target.unitId,
      cycle.id,
      subjectId,
      provinceOfOrganisation(subjectId),
      `Temuan sintetis pada ${weakest?.key ?? 'penilaian'} (${plan.marker})`,
      addDays(raisedAt, random.int(60, 180)),
      status,
      `${SYNTHETIC_USER}:${assessor ?? 'penilai'}`,
      raisedAt,
      verifiedAt,
      1 + reached,
    ]);
    for (let s = 0; s < reached; s += 1) {
      const at = addDays(raisedAt, 40 * (s + 1));
      await tables.followUps.add([
        random.uuid(),
        findingId,
        steps[s] as string,
        plan.marker,
        SYNTHETIC_USER,
        at,
      ]);
      if (steps[s] === 'DONE') {
        const evidenceId = random.uuid();
        await tables.evidence.add([
          evidenceId,
          null,
          null,
          findingId,
          syntheticHash(plan.seed, evidenceId),
          random.int(40_000, 2_000_000),
          'application/pdf',
          'tindak-lanjut-sintetis.pdf',
          SYNTHETIC_USER,
          at,
        ]);
      }
    }
    const workshop = workshops.get(cycle.year + 1);
    if (workshop && random.chance(0.3)) {
      await tables.discussions.add([
        findingId,
        workshop,
        SYNTHETIC_USER,
        dayIn(cycle.year + 1, 200),
      ]);
    }
  }
}
