import { methodologyById, methodologyFor, ScoringError } from '@mutu/scoring';
import { INTERACTIVE_TRANSACTION, todayInIndonesia, whenUniqueViolated } from '@mutu/service';
import { publishVerified } from '../assessments/commands.js';
import { prisma } from '../db.js';
import {
  AlreadyExistsError,
  IllegalTransitionError,
  InvalidInputError,
  NotFoundError,
} from '../errors.js';
import type { AssessmentCycle } from '../generated/prisma/client.js';
import type { CycleStatus, Framework } from '../generated/prisma/enums.js';
import { cycleId } from '../ids.js';
import { assertInputYear } from '../inputs.js';
import { audit, type Tx } from '../writes.js';

const PERIOD = /^[A-Z0-9]{1,10}$/;

export interface CreateCycleInput {
  framework: Framework;
  year: number;
  period?: string | null;
  methodologyId?: string | null;
}

export async function createCycle(input: CreateCycleInput, actor: string) {
  assertInputYear(input.year, 'input.year');
  const period = input.period?.trim().toUpperCase() ?? '';
  if (period && !PERIOD.test(period)) {
    throw new InvalidInputError(
      'input.period must be 1-10 letters or digits such as "S1", or omitted for a yearly cycle',
      'input.period',
    );
  }
  let methodologyId: string;
  if (input.methodologyId != null) {
    const chosen = methodologyById(input.methodologyId);
    if (chosen?.framework !== input.framework) {
      throw new InvalidInputError(
        `input.methodologyId "${input.methodologyId}" is not a ${input.framework} methodology`,
        'input.methodologyId',
      );
    }
    methodologyId = chosen.id;
  } else {
    try {
      methodologyId = methodologyFor(input.framework, input.year).id;
    } catch (e) {
      if (e instanceof ScoringError) throw new InvalidInputError(e.message, 'input.year');
      throw e;
    }
  }
  const id = cycleId(input.framework, input.year, period);
  const exists = (found: { id: string }) =>
    new AlreadyExistsError(
      `The ${input.framework} cycle of ${input.year}${period ? ` ${period}` : ''} already exists`,
      'input.year',
      found.id,
    );
  return whenUniqueViolated(
    () => createCycleInTransaction(input, { id, period, methodologyId }, actor, exists),
    // A concurrent creator of the same cycle committed first.
    () => exists({ id }),
  );
}

function createCycleInTransaction(
  input: CreateCycleInput,
  { id, period, methodologyId }: { id: string; period: string; methodologyId: string },
  actor: string,
  exists: (found: { id: string }) => AlreadyExistsError,
) {
  return prisma().$transaction(async (tx) => {
    const existing = await tx.assessmentCycle.findUnique({
      where: { framework_year_period: { framework: input.framework, year: input.year, period } },
    });
    if (existing) throw exists(existing);
    const created = await tx.assessmentCycle.create({
      data: {
        id,
        framework: input.framework,
        year: input.year,
        period,
        methodologyId,
        status: 'PLANNED',
      },
    });
    await audit(tx, { type: 'AssessmentCycle', id }, 'create', actor, null, created);
    return created;
  }, INTERACTIVE_TRANSACTION);
}

const CYCLE_STEPS = {
  open: { from: 'PLANNED', to: 'OPEN' },
  close: { from: 'OPEN', to: 'CLOSED' },
  publish: { from: 'CLOSED', to: 'PUBLISHED' },
} as const satisfies Record<string, { from: CycleStatus; to: CycleStatus }>;

export async function loadCycle(tx: Tx, id: string, field: string): Promise<AssessmentCycle> {
  const cycle = await tx.assessmentCycle.findUnique({ where: { id } });
  if (!cycle) throw new NotFoundError(field, id, 'assessment cycle');
  return cycle;
}

/**
 * Moves a cycle one step: PLANNED -> OPEN -> CLOSED -> PUBLISHED. Publishing a cycle publishes
 * its verified assessments and needs every other one verified first.
 */
export async function advanceCycle(id: string, step: keyof typeof CYCLE_STEPS, actor: string) {
  const { from, to } = CYCLE_STEPS[step];
  return prisma().$transaction(async (tx) => {
    const before = await loadCycle(tx, id, 'id');
    const { count } = await tx.assessmentCycle.updateMany({
      where: { id, status: from },
      // Publishing announces the results today, unless a source already dated the announcement.
      data: {
        status: to,
        ...(step === 'publish' && !before.announcedOn ? { announcedOn: todayInIndonesia() } : {}),
      },
    });
    if (count === 0) {
      const now = await loadCycle(tx, id, 'id');
      throw new IllegalTransitionError(
        `Only a ${from} cycle can be ${step === 'open' ? 'opened' : `${step}d`}; ${id} is ${now.status}`,
        'id',
        now.status,
      );
    }
    if (step === 'publish') {
      const unfinished = await tx.assessment.findMany({
        where: { cycleId: id, status: { in: ['DRAFT', 'SUBMITTED'] } },
        select: { id: true },
        orderBy: { id: 'asc' },
      });
      if (unfinished.length > 0) {
        throw new IllegalTransitionError(
          `${unfinished.length} assessment(s) of ${id} are not verified yet (${unfinished
            .slice(0, 5)
            .map((a) => a.id)
            .join(', ')}${unfinished.length > 5 ? ', ...' : ''}); verify or return them first`,
          'id',
          before.status,
        );
      }
      await publishVerified(tx, id, actor);
    }
    const after = await loadCycle(tx, id, 'id');
    await audit(tx, { type: 'AssessmentCycle', id }, step, actor, before, after);
    return after;
  }, INTERACTIVE_TRANSACTION);
}
