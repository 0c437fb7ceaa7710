import { writeAudit } from '@mutu/service';
import type { Prisma } from './generated/prisma/client.js';

export type Tx = Prisma.TransactionClient;

/** One audit row of a step of a cycle, an assessment, a finding or a self-evaluation, in its transaction. */
export function audit(
  tx: Tx,
  entity: {
    type: 'AssessmentCycle' | 'Assessment' | 'Finding' | 'SelfEvaluation' | 'SurveyPeriod';
    id: string;
  },
  action: string,
  actor: string,
  before: unknown,
  after: unknown,
  reason: string | null = null,
) {
  return writeAudit(tx, {
    entityType: entity.type,
    entityId: entity.id,
    action,
    actor,
    before,
    after,
    reason,
  });
}
