import { GraphQLError } from 'graphql';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from 'jose';
import { type Identity, ROLES, type Role } from './identity.js';
import { type Jwks, SIGNING_ALGORITHMS, type SigningKey } from './keys.js';

/** The header that carries a call token from the gateway (or a service) to a subgraph. */
export const IDENTITY_HEADER = 'x-mutu-identity';

/**
 * The JWT `typ` of call tokens. An identity provider's bearer token (typ JWT) is never taken
 * for a call token, nor a call token for a bearer token.
 */
export const CALL_TOKEN_TYPE = 'mutu-call+jwt';

/** How long a call token lives: one subgraph call, with room for clock drift between hosts. */
export const CALL_TOKEN_SECONDS = 30;

/** Tokens that claim a longer life are refused, whoever signed them. */
const LONGEST_ACCEPTED_SECONDS = 60;

/** The well-known path where a signer publishes its public keys. */
export const JWKS_PATH = '/.well-known/jwks.json';

/** What a call token says about the caller; a partner receives the role only. */
export interface CallClaims {
  readonly sub?: string;
  readonly role: Role;
  readonly regions?: readonly string[];
  readonly organisation?: string;
}

/** Signs call tokens as `issuer`: each names the one audience it is for and lives seconds. */
export function callSigner(issuer: string, key: SigningKey) {
  return (claims: CallClaims, audience: string): Promise<string> => {
    const jwt = new SignJWT({
      role: claims.role,
      ...(claims.regions?.length ? { regions: [...claims.regions] } : {}),
      ...(claims.organisation ? { organisation: claims.organisation } : {}),
    })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: CALL_TOKEN_TYPE })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${CALL_TOKEN_SECONDS}s`);
    if (claims.sub) jwt.setSubject(claims.sub);
    return jwt.sign(key.privateKey);
  };
}

export type CallSigner = ReturnType<typeof callSigner>;

/** Public keys to verify with: a JWKS URL (fetched and cached) or the key set itself. */
export function keySetOf(source: string | Jwks): JWTVerifyGetKey {
  if (typeof source !== 'string') return createLocalJWKSet(source);
  // A short cool-down: a restarted signer's new key is picked up within a second.
  return createRemoteJWKSet(new URL(source), { cooldownDuration: 1_000, timeoutDuration: 3_000 });
}

/** An issuer a subgraph accepts call tokens from, and the roles it may vouch for. */
export interface TrustedIssuer {
  readonly issuer: string;
  readonly keys: JWTVerifyGetKey;
  /** The gateway vouches for people's roles; a service's key only for itself (`service`). */
  readonly roles: readonly Role[];
}

const unauthenticated = (reason: string) =>
  new GraphQLError(`This subgraph answers the Mutu gateway only: ${reason}`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

/** Verified call tokens kept at most; the oldest go first. */
const VERIFIED_KEPT = 10_000;
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Checks the call token a subgraph receives: signed by one of its trusted issuers with a key
 * that issuer publishes, for this subgraph (`audience`), short-lived and unexpired, carrying a
 * role that issuer may vouch for. Anything else is refused with 401.
 *
 * The gateway signs one token per identity and audience for most of its life, so a subgraph
 * sees the same bytes many times: a token verified once is taken again, by its exact text,
 * until it expires (the signature cannot have changed; only the time checks are repeated). A
 * refused token is never kept, and a key withdrawn from the JWKS stops new tokens at once and
 * kept ones within their life of at most a minute.
 */
export function callVerifier(audience: string, trusted: readonly TrustedIssuer[]) {
  const byIssuer = new Map(trusted.map((t) => [t.issuer, t]));
  const verified = new Map<string, { identity: Identity; validUntil: number }>();
  return async (token: string | string[] | undefined): Promise<Identity> => {
    if (typeof token !== 'string' || !token) throw unauthenticated('no call token was sent');
    const kept = verified.get(token);
    if (kept) {
      if (Date.now() / 1000 < kept.validUntil) return kept.identity;
      verified.delete(token);
    }
    const { identity, validUntil } = await verify(token);
    if (verified.size >= VERIFIED_KEPT) {
      verified.delete(verified.keys().next().value as string);
    }
    verified.set(token, { identity, validUntil });
    return identity;
  };

  async function verify(token: string): Promise<{ identity: Identity; validUntil: number }> {
    let issuer: TrustedIssuer | undefined;
    try {
      issuer = byIssuer.get(String(decodeJwt(token).iss));
    } catch {
      throw unauthenticated('the call token is not a JWT');
    }
    if (!issuer) throw unauthenticated('the call token is not from an issuer this subgraph trusts');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, issuer.keys, {
        issuer: issuer.issuer,
        audience,
        algorithms: [...SIGNING_ALGORITHMS],
        typ: CALL_TOKEN_TYPE,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: `${LONGEST_ACCEPTED_SECONDS}s`,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw unauthenticated(`the call token was refused (${(error as Error).message})`);
    }
    const role = payload.role as Role;
    if (!ROLES.includes(role) || !issuer.roles.includes(role)) {
      throw unauthenticated(`${issuer.issuer} may not vouch for role ${String(payload.role)}`);
    }
    if (typeof payload.exp === 'number' && typeof payload.iat === 'number') {
      if (payload.exp - payload.iat > LONGEST_ACCEPTED_SECONDS) {
        throw unauthenticated(`call tokens live at most ${LONGEST_ACCEPTED_SECONDS} s`);
      }
    }
    const regions = Array.isArray(payload.regions) ? payload.regions.map(String) : [];
    if (role === 'unit' && typeof payload.organisation !== 'string') {
      throw unauthenticated('a unit call token names the organisation it speaks for');
    }
    const identity: Identity = {
      sub: String(payload.sub),
      role,
      regions,
      ...(role === 'unit' ? { organisation: String(payload.organisation) } : {}),
    };
    // As jwtVerify judges them: unexpired and not older than the longest life, with tolerance.
    const validUntil =
      Math.min(Number(payload.exp), Number(payload.iat) + LONGEST_ACCEPTED_SECONDS) +
      CLOCK_TOLERANCE_SECONDS;
    return { identity, validUntil };
  }
}

export type CallVerifier = ReturnType<typeof callVerifier>;

/** The gateway's issuer name in call tokens. */
export const GATEWAY_ISSUER = 'mutu-gateway';

/** A Mutu service's issuer name in the call tokens it signs for itself. */
export const serviceIssuer = (service: string) => `mutu-${service}`;
