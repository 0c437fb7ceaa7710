import { GraphQLError } from 'graphql';
import { jwtVerify, SignJWT } from 'jose';

/**
 * Who is asking, as the gateway verified it. `public` is anyone without a token; `service` is
 * one Mutu process calling another (a subgraph checking organisation ids, a readiness probe).
 */
export const ROLES = ['public', 'analyst', 'assessor', 'admin', 'service'] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  /** The token's subject (a user id or e-mail), recorded in audit entries. */
  readonly sub: string;
  readonly role: Role;
  /** Province or regency codes an assessor may write for ("15", "64.08"); empty otherwise. */
  readonly regions: readonly string[];
}

export const PUBLIC: Identity = { sub: 'anonymous', role: 'public', regions: [] };

/** The header that carries the gateway-signed identity to subgraphs. */
export const IDENTITY_HEADER = 'x-mutu-identity';

const ISSUER = 'mutu-gateway';
const AUDIENCE = 'mutu-subgraphs';

/**
 * The secret the gateway signs identities with and subgraphs check them with. Outside
 * production a demo secret applies so the platform starts with no set-up; production must set
 * MUTU_INTERNAL_SECRET (at least 32 characters).
 */
export function internalSecret(source: NodeJS.ProcessEnv = process.env): Uint8Array {
  const given = source.MUTU_INTERNAL_SECRET;
  if (given && given.length < 32) {
    throw new Error('Invalid configuration: MUTU_INTERNAL_SECRET must hold at least 32 characters');
  }
  if (!given && source.NODE_ENV === 'production') {
    throw new Error('Invalid configuration: MUTU_INTERNAL_SECRET is required in production');
  }
  return new TextEncoder().encode(given ?? 'mutu-demo-internal-secret-not-for-production');
}

/** A short-lived token the gateway sends with each subgraph call. */
export function signIdentity(identity: Identity, secret: Uint8Array): Promise<string> {
  return new SignJWT({ role: identity.role, regions: [...identity.regions] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(secret);
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

/**
 * The identity a subgraph call carries. Subgraphs answer only the gateway (and each other):
 * a call without a valid gateway signature is refused with 401.
 */
export async function identityOf(
  header: string | string[] | undefined,
  secret: Uint8Array,
): Promise<Identity> {
  if (typeof header !== 'string' || !header) {
    throw unauthenticated(
      'This subgraph answers the Mutu gateway only: no signed identity was sent',
    );
  }
  try {
    const { payload } = await jwtVerify(header, secret, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const role = payload.role as Role;
    if (!ROLES.includes(role) || typeof payload.sub !== 'string') throw new Error('bad claims');
    const regions = Array.isArray(payload.regions) ? payload.regions.map(String) : [];
    return { sub: payload.sub, role, regions };
  } catch {
    throw unauthenticated(
      'This subgraph answers the Mutu gateway only: the identity signature is not valid',
    );
  }
}

/** An assessor's regions cover an organisation when its id lies in one of them. */
export function coversOrganisation(identity: Identity, organisationId: string): boolean {
  if (identity.role === 'admin') return true;
  if (identity.role !== 'assessor') return false;
  return identity.regions.some((r) => organisationId === r || organisationId.startsWith(`${r}.`));
}
