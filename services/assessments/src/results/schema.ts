import {
  assertComparable,
  methodologyFor,
  rankWithTies,
  roundTo,
  type Change as ScoringChange,
  ScoringError,
  withYearOverYearChange,
} from '@mutu/scoring';
import { badUserInput } from '@mutu/server';
import { assertProvinceCode } from '@mutu/service';
import { Assessment, ScoreOrigin } from '../assessments/schema.js';
import { builder } from '../builder.js';
import { AssessmentCycle } from '../cycles/schema.js';
import { prisma } from '../db.js';
import type { Assessment as AssessmentRow } from '../generated/prisma/client.js';
import { assertYear } from '../inputs.js';
import { bandOfTotal, ScoreBand } from '../methods/schema.js';
import { Framework, OrganisationRef, organisationRef, PeerGroup } from '../refs.js';
import type { PublishedResult } from './loaders.js';
import { published } from './published.js';

export const Change = builder.objectRef<ScoringChange>('ScoreChange').implement({
  description:
    "A score against the same framework's previous cycle for the same subject. Across a change of method (Ombudsman 2019 -> 2021, 2021 -> 2022, 2024 -> 2025; IPP 2021 -> 2022; SPBE 2019 -> 2020) the two scores measure different things: the change says so and gives no delta.",
  fields: (t) => ({
    previousYear: t.exposeInt('previousYear'),
    previousScore: t.exposeFloat('previousScore'),
    delta: t.exposeFloat('delta', {
      nullable: true,
      description:
        'This score minus the previous one, at two decimals; null when the two are not comparable.',
    }),
    comparable: t.exposeBoolean('comparable', {
      description: 'False across a change of method: never read the two scores as a trend.',
    }),
    methodologyBreak: t.exposeString('methodologyBreak', {
      nullable: true,
      description: 'What changed between the two methods, when they differ.',
    }),
  }),
});

type ResultShape = { assessment: PublishedResult; change: ScoringChange | null };

const Result = builder.objectRef<ResultShape>('Result').implement({
  description: "A subject's published result in one cycle.",
  fields: (t) => ({
    cycle: t.field({ type: AssessmentCycle, resolve: (r) => r.assessment.cycle }),
    score: t.float({ resolve: (r) => r.assessment.total }),
    band: t.field({
      type: ScoreBand,
      resolve: (r) =>
        bandOfTotal(r.assessment.methodologyId, r.assessment.total, r.assessment.finding),
    }),
    change: t.field({
      type: Change,
      nullable: true,
      description:
        'Against the previous published cycle of the same framework; null for the first.',
      resolve: (r) => r.change,
    }),
    origin: t.field({ type: ScoreOrigin, resolve: (r) => r.assessment.origin }),
    assessment: t.field({ type: Assessment, resolve: (r) => r.assessment }),
  }),
});

builder.objectFields(OrganisationRef, (t) => ({
  results: t.field({
    type: [Result],
    // Null (with an error) rather than failing the whole organisation when this subgraph is down.
    nullable: true,
    description:
      'Published results in one framework, one per cycle, newest first, each with its change.',
    args: { framework: t.arg({ type: Framework, required: true }) },
    resolve: async (organisation, { framework }, ctx) => {
      const rows = await ctx.loaders.results.load({ subjectId: organisation.id, framework });
      return withYearOverYearChange(
        rows.map((assessment) => ({
          year: assessment.cycle.year,
          score: assessment.total,
          methodologyId: assessment.methodologyId,
          assessment,
        })),
      ).map(({ assessment, change }) => ({ assessment, change }));
    },
  }),
}));

interface ComparisonShape {
  fromYear: number;
  fromScore: number;
  toYear: number;
  toScore: number;
  delta: number;
}

const Comparison = builder.objectRef<ComparisonShape>('ResultComparison').implement({
  description: 'Two published results of one subject in one framework, under the same method.',
  fields: (t) => ({
    fromYear: t.exposeInt('fromYear'),
    fromScore: t.exposeFloat('fromScore'),
    toYear: t.exposeInt('toYear'),
    toScore: t.exposeFloat('toScore'),
    delta: t.exposeFloat('delta', { description: 'toScore minus fromScore, at two decimals.' }),
  }),
});

builder.queryField('resultComparison', (t) =>
  t.field({
    type: Comparison,
    nullable: true,
    description:
      "A subject's published result in one year against another year's, in one framework; null when either is not published. Across a change of method (Ombudsman 2019 -> 2021, 2021 -> 2022, 2024 -> 2025; IPP 2021 -> 2022; SPBE 2019 -> 2020) the scores measure different things: a BAD_USER_INPUT error naming fromYear, never a delta.",
    args: {
      framework: t.arg({ type: Framework, required: true }),
      organisationId: t.arg.id({ required: true }),
      fromYear: t.arg.int({ required: true }),
      toYear: t.arg.int({ required: true }),
    },
    resolve: async (_root, { framework, organisationId, fromYear, toYear }) => {
      assertYear(fromYear, 'fromYear');
      assertYear(toYear, 'toYear');
      const subjectId = String(organisationId);
      const at = (year: number, argument: string) => {
        try {
          return methodologyFor(framework, year);
        } catch (e) {
          if (e instanceof ScoringError) throw badUserInput(argument, e.message);
          throw e;
        }
      };
      try {
        assertComparable(at(fromYear, 'fromYear'), at(toYear, 'toYear'), 'fromYear');
      } catch (e) {
        if (e instanceof ScoringError) throw badUserInput(e.field, e.message);
        throw e;
      }
      const rows = await prisma().assessment.findMany({
        where: {
          subjectId,
          current: true,
          status: 'PUBLISHED',
          total: { not: null },
          cycle: { framework, year: { in: [fromYear, toYear] }, period: '' },
        },
        include: { cycle: true },
      });
      const from = rows.find((r) => r.cycle.year === fromYear);
      const to = rows.find((r) => r.cycle.year === toYear);
      if (from?.total == null || to?.total == null) return null;
      return {
        fromYear,
        fromScore: from.total,
        toYear,
        toScore: to.total,
        delta: roundTo(to.total - from.total, 2) || 0,
      };
    },
  }),
);

type Entry = { rank: number; score: number; assessment: AssessmentRow & { total: number } };

const RankingEntry = builder.objectRef<Entry>('RankingEntry').implement({
  description: 'One place in a league table.',
  fields: (t) => ({
    rank: t.exposeInt('rank', {
      description: 'Standard competition ranking: equal scores share a rank (1, 2, 2, 4).',
    }),
    organisation: t.field({
      type: OrganisationRef,
      resolve: (e) => organisationRef(e.assessment.subjectId),
    }),
    score: t.exposeFloat('score'),
    group: t.field({
      type: PeerGroup,
      description: 'The peer group the rank is in.',
      resolve: (e) => e.assessment.peerGroup,
    }),
    band: t.field({
      type: ScoreBand,
      resolve: (e) => bandOfTotal(e.assessment.methodologyId, e.score, e.assessment.finding),
    }),
    assessment: t.field({ type: Assessment, resolve: (e) => e.assessment }),
  }),
});

builder.queryField('ranking', (t) =>
  t.field({
    type: [RankingEntry],
    description:
      'The league table of a framework and year: the published results of one official peer group, optionally within one province, best first. The group is `group`, else the group of `organisationId` (rank it among its peers), else pemerintah kabupaten (REGENCY); each entry says its group.',
    args: {
      framework: t.arg({ type: Framework, required: true }),
      year: t.arg.int({ required: true }),
      provinceCode: t.arg.string({ description: 'Only subjects in this province ("64").' }),
      group: t.arg({ type: PeerGroup, description: 'The peer group to rank.' }),
      organisationId: t.arg.id({
        description: "Rank this organisation's own peer group (ignored when `group` is given).",
      }),
    },
    resolve: async (_root, { framework, year, provinceCode, group, organisationId }) => {
      assertYear(year);
      if (provinceCode != null) assertProvinceCode(provinceCode, 'provinceCode');
      const cycle = { framework, year, period: '' };
      let peerGroup = group ?? null;
      if (!peerGroup && organisationId != null) {
        const own = await prisma().assessment.findFirst({
          where: { subjectId: String(organisationId), current: true, status: 'PUBLISHED', cycle },
          select: { peerGroup: true },
        });
        if (!own) {
          throw badUserInput(
            'organisationId',
            `${organisationId} has no published ${framework} result in ${year} to rank among its peers`,
          );
        }
        peerGroup = own.peerGroup;
      }
      const ranked = peerGroup ?? 'REGENCY';
      const table = `ranking|${framework}|${year}|${ranked}|${provinceCode ?? ''}`;
      return published().read(table, async () => {
        const rows = await prisma().assessment.findMany({
          where: {
            current: true,
            status: 'PUBLISHED',
            total: { not: null },
            peerGroup: ranked,
            provinceCode: provinceCode ?? undefined,
            cycle,
          },
        });
        const scored = rows.filter((r): r is AssessmentRow & { total: number } => r.total !== null);
        return rankWithTies(scored, (r) => r.total, {
          tieBreak: (a, b) => a.subjectId.localeCompare(b.subjectId),
        }).map(({ item, rank, score }): Entry => ({ rank, score, assessment: item }));
      });
    },
  }),
);
