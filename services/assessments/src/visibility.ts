import { type Identity, speaksFor, within } from '@mutu/server';
import { scopesOf } from '@mutu/service';
import { NotResponsibleError } from './errors.js';
import type { Prisma } from './generated/prisma/client.js';
import { subjectOfAssessment } from './ids.js';

/**
 * Who may see which assessments: the one rule behind every way an assessment is reached (root
 * fields, an organisation's list, revisions, entity references from other subgraphs such as an
 * award's assessment) and everything that reveals its scores (total, band, lokus, the return
 * reason, workflow snapshots).
 *
 * - That an assessment exists, and where it stands: published ones for everyone; unpublished
 *   ones for signed-in roles (analysts, assessors, administrators), who follow the workflow.
 * - Its scores: published ones for everyone; an unpublished one's for administrators and the
 *   assessor whose region holds its subject, never for analysts or the public.
 */
export function mayKnowOf(identity: Identity, assessment: { status: string }): boolean {
  return assessment.status === 'PUBLISHED' || scopesOf(identity).analyst;
}

/** The same rule as a database filter, for queries that list or look up assessments. */
export function knownAssessments(identity: Identity): Prisma.AssessmentWhereInput {
  return scopesOf(identity).analyst ? {} : { status: 'PUBLISHED' };
}

export function mayReadScores(
  identity: Identity,
  assessment: { status: string; subjectId: string },
): boolean {
  if (assessment.status === 'PUBLISHED') return true;
  const scopes = scopesOf(identity);
  return scopes.admin || scopes.assessorOf(assessment.subjectId);
}

/**
 * Whether a workflow snapshot of an assessment (the record as one step left it) may be read:
 * by the rule on scores for the status it records. Snapshots of cycles hold no scores.
 */
export function mayReadSnapshot(
  identity: Identity,
  entry: { entityType: string; entityId: string },
  snapshot: unknown,
): boolean {
  if (entry.entityType !== 'Assessment' || snapshot == null) return true;
  const status = (snapshot as { status?: unknown }).status;
  return mayReadScores(identity, {
    status: typeof status === 'string' ? status : 'DRAFT',
    subjectId: subjectOfAssessment(entry.entityId),
  });
}

/**
 * Who may list and download an assessment's evidence (bukti dukung), whatever its status:
 * administrators and the assessors of the region that holds its subject. Evidence carries what
 * the scores do not publish (names, letters, photographs of offices), so even a published
 * assessment's stays with those who assess.
 */
export function mayReadEvidence(identity: Identity, subjectId: string): boolean {
  const scopes = scopesOf(identity);
  return scopes.admin || scopes.assessorOf(subjectId);
}

/** Assessments whose subject lies in a region ("17", "17.01"): the region's own government too. */
export function subjectWithin(code: string): Prisma.AssessmentWhereInput {
  return { OR: [{ subjectId: code }, { subjectId: { startsWith: `${code}.` } }] };
}

/**
 * The assessments an identity works on, as a database filter: every one for administrators,
 * those whose subject lies in an assessor's regions (the rule of `coversOrganisation`, which
 * decides their writes), none for anyone else. Worklist queues are narrowed by it.
 */
export function assessmentsWorkedBy(identity: Identity): Prisma.AssessmentWhereInput {
  if (identity.role === 'admin') return {};
  if (identity.role !== 'assessor' || identity.regions.length === 0) return { id: { in: [] } };
  return { OR: identity.regions.map(subjectWithin) };
}

/**
 * Who may read a finding and its follow-up: analysts, assessors and administrators (the
 * findings of every published assessment), and a unit for the findings it must act on or that
 * concern the government it speaks for. Never the public: a finding names what an office has
 * yet to put right, which its government publishes, not Mutu.
 */
export function mayReadFinding(
  identity: Identity,
  finding: { subjectId: string; organisationId: string },
): boolean {
  return (
    scopesOf(identity).analyst ||
    speaksFor(identity, finding.organisationId) ||
    speaksFor(identity, finding.subjectId)
  );
}

/** The same rule as a database filter. */
export function knownFindings(identity: Identity): Prisma.FindingWhereInput {
  if (scopesOf(identity).analyst) return {};
  const own = identity.role === 'unit' ? identity.organisation : undefined;
  if (!own) return { id: { in: [] } };
  const under = (field: 'organisationId' | 'subjectId') => [
    { [field]: own },
    { [field]: { startsWith: `${own}.` } },
  ];
  return { OR: [...under('organisationId'), ...under('subjectId')] };
}

/**
 * Who may record a follow-up: an administrator, or a unit of the assessed government (the
 * government itself or one of its bodies). Whether that unit is the one that must act is the
 * write's own check, so that a colleague is told who must, and a stranger learns nothing.
 */
export function mayFollowUp(identity: Identity, finding: { subjectId: string } | null): boolean {
  if (identity.role === 'admin') return true;
  if (!finding || identity.role !== 'unit' || !identity.organisation) return false;
  return speaksFor(identity, finding.subjectId) || within(identity.organisation, finding.subjectId);
}

/** What a piece of evidence belongs to, for the rules below. */
export type EvidenceOwner =
  | { kind: 'lokus'; subjectId: string }
  | { kind: 'finding'; subjectId: string; organisationId: string };

/**
 * Who may read a piece of evidence: a lokus's by the rule of `mayReadEvidence`; a finding's
 * follow-up evidence also by the units concerned (the one that must act, its government).
 */
export function mayReadEvidenceOf(identity: Identity, owner: EvidenceOwner): boolean {
  if (mayReadEvidence(identity, owner.subjectId)) return true;
  return (
    owner.kind === 'finding' &&
    (speaksFor(identity, owner.organisationId) || speaksFor(identity, owner.subjectId))
  );
}

/**
 * Who may file or remove evidence: a lokus's bukti dukung by its assessors (of the region) and
 * administrators; a follow-up's by the unit that must act and administrators.
 */
export function mayFileEvidenceOf(identity: Identity, owner: EvidenceOwner | null): boolean {
  if (identity.role === 'admin') return true;
  if (!owner) return false;
  return owner.kind === 'lokus'
    ? scopesOf(identity).assessorOf(owner.subjectId)
    : speaksFor(identity, owner.organisationId);
}

/**
 * Who may read a self-evaluation: the unit that made it and the organisations above it (a
 * government's Bagian Organisasi follows its OPDs'), and analysts, assessors and
 * administrators; never the public, for it is the unit's own view, not a result.
 */
export function knownSelfEvaluations(identity: Identity): Prisma.SelfEvaluationWhereInput {
  if (scopesOf(identity).analyst) return {};
  const own = identity.role === 'unit' ? identity.organisation : undefined;
  if (!own) return { id: { in: [] } };
  return { OR: [{ organisationId: own }, { organisationId: { startsWith: `${own}.` } }] };
}

/**
 * The writes a unit makes for itself (its self-evaluation, its surveys) reach the command for
 * any unit and administrators: the command tells a unit that does not speak for the
 * organisation so, naming the field. Other roles are refused outright.
 */
export const unitOrAdmin = (identity: Identity) =>
  identity.role === 'unit' || identity.role === 'admin';

/**
 * Who may know of an SKM survey and its result: everyone once it is PUBLISHED (its aggregates
 * only); while OPEN, the unit that runs it, the organisations above it, and staff.
 */
export function knownSurveys(identity: Identity): Prisma.SurveyPeriodWhereInput {
  if (scopesOf(identity).analyst) return {};
  const own = identity.role === 'unit' ? identity.organisation : undefined;
  if (!own) return { status: 'PUBLISHED' };
  return {
    OR: [
      { status: 'PUBLISHED' },
      { organisationId: own },
      { organisationId: { startsWith: `${own}.` } },
    ],
  };
}

/**
 * Who may read a survey's single (anonymous) responses: the unit concerned and staff. The
 * public sees aggregates only.
 */
export function mayReadResponses(identity: Identity, organisationId: string): boolean {
  return scopesOf(identity).analyst || speaksFor(identity, organisationId);
}

/**
 * The scope of the writes an assessing office makes on a subject (scoring, submitting,
 * verifying, recording findings): its administrators, or an assessor whose region holds it.
 */
export const adminOrAssessorOf = (subjectId: string) =>
  ({ $any: { admin: true, assessorOf: subjectId } }) as const;

/** The same scope for a write on several subjects at once (a rakor's findings): all of them. */
export function adminOrAssessorOfAll(identity: Identity, subjectIds: readonly string[]): boolean {
  const scopes = scopesOf(identity);
  return scopes.admin || (identity.role === 'assessor' && subjectIds.every(scopes.assessorOf));
}

/**
 * A unit acts only for the organisation it speaks for and the bodies under it (an
 * administrator for any): another unit is told which organisation must act, naming `field`.
 */
export function assertActsFor(identity: Identity, organisationId: string, field: string): void {
  if (identity.role === 'unit' && !speaksFor(identity, organisationId)) {
    throw new NotResponsibleError(
      `${identity.organisation} does not speak for ${organisationId}, which must act here`,
      field,
      organisationId,
    );
  }
}
