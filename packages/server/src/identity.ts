/**
 * Who is asking, as the gateway verified it. `public` is anyone without a token; `unit` speaks
 * for one organisation (a government's Bagian Organisasi, an OPD, a service unit) and the
 * bodies under it; `service` is one Mutu process calling another on its own behalf (a subgraph
 * checking organisation ids), which only that service's own key can vouch for.
 */
export const ROLES = ['public', 'analyst', 'unit', 'assessor', 'admin', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a person can hold: what the identity provider's tokens and the gateway carry. */
export const USER_ROLES: readonly Role[] = ['public', 'analyst', 'unit', 'assessor', 'admin'];

export interface Identity {
  /** The token's subject (a user id or e-mail), recorded in audit entries. */
  readonly sub: string;
  readonly role: Role;
  /** Province or regency codes an assessor may write for ("15", "64.08"); empty otherwise. */
  readonly regions: readonly string[];
  /** The organisation a unit speaks for ("17.71", "17.71.dinas-kesehatan"); absent otherwise. */
  readonly organisation?: string;
}

export const PUBLIC: Identity = { sub: 'anonymous', role: 'public', regions: [] };

/** Whether `id` is `scope` or a body under it: ids of bodies extend their parent's. */
export const within = (id: string, scope: string) => id === scope || id.startsWith(`${scope}.`);

/** A unit speaks for its organisation and every body under it, nothing else. */
export function speaksFor(identity: Identity, organisationId: string): boolean {
  return (
    identity.role === 'unit' &&
    identity.organisation !== undefined &&
    within(organisationId, identity.organisation)
  );
}

/** An assessor's regions cover an organisation when its id lies in one of them. */
export function coversOrganisation(identity: Identity, organisationId: string): boolean {
  if (identity.role === 'admin') return true;
  if (identity.role !== 'assessor') return false;
  return identity.regions.some((r) => within(organisationId, r));
}
