import type { IncomingMessage } from 'node:http';
import { type Identity, PUBLIC, ROLES, type Role } from '@mutu/server';
import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';

/** Roles a bearer token may carry; `public` is having none and `service` is internal only. */
const USER_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'public' && r !== 'service');

export interface AuthSettings {
  /** HS256 secret (the demo); ignored when jwksUrl is set. */
  readonly jwtSecret: string;
  /** RS256 keys from the identity provider (production). */
  readonly jwksUrl?: string;
  readonly issuer: string;
  readonly audience: string;
}

const DEMO_JWT_SECRET = 'mutu-demo-jwt-secret-not-for-production';

/** The demo secret outside production; production must configure JWT_SECRET or JWKS_URL. */
export function jwtSecretFrom(
  given: string | undefined,
  production: boolean,
  jwksUrl?: string,
): string {
  if (given) return given;
  if (production && !jwksUrl) {
    throw new Error('Invalid configuration: JWT_SECRET or JWKS_URL is required in production');
  }
  return DEMO_JWT_SECRET;
}

const unauthenticated = (reason: string) =>
  new GraphQLError(`The bearer token was refused: ${reason}`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

/**
 * Who is asking: nobody (public) without an Authorization header, the token's subject and role
 * when its signature, issuer, audience and expiry check out, and a 401 otherwise.
 */
export function bearerVerifier(settings: AuthSettings) {
  const key: Uint8Array | JWTVerifyGetKey = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : new TextEncoder().encode(settings.jwtSecret);
  const algorithms = settings.jwksUrl ? ['RS256'] : ['HS256'];
  return async (req: IncomingMessage): Promise<Identity> => {
    const header = req.headers.authorization;
    if (!header) return PUBLIC;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthenticated('send it as "Authorization: Bearer <token>"');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(match[1], key as Uint8Array, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms,
      }));
    } catch (error) {
      throw unauthenticated((error as Error).message);
    }
    const role = payload.role as Role;
    if (!USER_ROLES.includes(role)) {
      throw unauthenticated(`role must be one of ${USER_ROLES.join(', ')}`);
    }
    if (typeof payload.sub !== 'string' || !payload.sub) throw unauthenticated('it has no subject');
    const regions = Array.isArray(payload.regions) ? payload.regions.map(String) : [];
    if (role === 'assessor' && regions.length === 0) {
      throw unauthenticated('an assessor token names the regions it may write for');
    }
    return { sub: payload.sub, role, regions };
  };
}

/** A token for the demo: HS256 with the configured secret (see `pnpm token`). */
export function demoToken(
  identity: { sub: string; role: Role; regions?: readonly string[] },
  settings: AuthSettings,
  expiresIn = '12h',
): Promise<string> {
  return new SignJWT({ role: identity.role, regions: [...(identity.regions ?? [])] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(settings.jwtSecret));
}
