import type { IncomingMessage } from 'node:http';
import {
  type Identity,
  type Jwks,
  keySetOf,
  PUBLIC,
  type Role,
  type SigningKey,
  USER_ROLES,
} from '@mutu/server';
import { GraphQLError } from 'graphql';
import { jwtVerify, SignJWT } from 'jose';

/** Roles a bearer token may carry; `public` is having none and `service` is never a person. */
const TOKEN_ROLES: readonly Role[] = USER_ROLES.filter((r) => r !== 'public');

/**
 * Signatures accepted on bearer tokens: the asymmetric ones identity providers use. A shared
 * secret (HS256) is never accepted, so nobody who verifies tokens can also make them.
 */
const BEARER_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export interface AuthSettings {
  /** The identity provider's keys: its JWKS URL, or the demo provider's key set. */
  readonly providerKeys: string | Jwks;
  readonly issuer: string;
  readonly audience: string;
}

/** The demo identity provider's issuer: its tokens come from `pnpm run token`, never in production. */
export const DEMO_ISSUER = 'mutu-demo-identity-provider';

export const unauthenticated = (reason: string) =>
  new GraphQLError(`The bearer token was refused: ${reason}`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

/**
 * Who is asking: nobody (public) without an Authorization header, the token's subject and role
 * when its signature, issuer, audience and expiry check out, and a 401 otherwise.
 */
export function bearerVerifier(settings: AuthSettings) {
  const keys = keySetOf(settings.providerKeys);
  return async (req: Pick<IncomingMessage, 'headers'>): Promise<Identity> => {
    const header = req.headers.authorization;
    if (!header) return PUBLIC;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthenticated('send it as "Authorization: Bearer <token>"');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: BEARER_ALGORITHMS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw unauthenticated((error as Error).message);
    }
    const role = payload.role as Role;
    if (!TOKEN_ROLES.includes(role)) {
      throw unauthenticated(`role must be one of ${TOKEN_ROLES.join(', ')}`);
    }
    if (typeof payload.sub !== 'string' || !payload.sub) throw unauthenticated('it has no subject');
    const regions = Array.isArray(payload.regions) ? payload.regions.map(String) : [];
    if (role === 'assessor' && regions.length === 0) {
      throw unauthenticated('an assessor token names the regions it may write for');
    }
    if (role !== 'unit') return { sub: payload.sub, role, regions };
    if (typeof payload.organisation !== 'string' || !payload.organisation) {
      throw unauthenticated('a unit token names the organisation it speaks for');
    }
    return { sub: payload.sub, role, regions: [], organisation: payload.organisation };
  };
}

/** A bearer token from the demo identity provider (see `pnpm run token`). */
export function demoToken(
  identity: { sub: string; role: Role; regions?: readonly string[]; organisation?: string },
  key: SigningKey,
  options: { audience: string; expiresIn?: string },
): Promise<string> {
  return new SignJWT({
    role: identity.role,
    regions: [...(identity.regions ?? [])],
    ...(identity.organisation ? { organisation: identity.organisation } : {}),
  })
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setSubject(identity.sub)
    .setIssuer(DEMO_ISSUER)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(key.privateKey);
}
