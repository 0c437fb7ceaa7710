import type { CallVerifier } from '@mutu/server';
import {
  callSigner,
  callVerifier,
  GATEWAY_ISSUER,
  generateSigningKey,
  type Jwks,
  jwksOf,
  keySetOf,
  type SigningKey,
  serviceIssuer,
  signingKeyFrom,
  USER_ROLES,
} from '@mutu/server';
import type { ServiceEnv } from './env.js';
import { calledBy, type MutuSubgraph } from './topology.js';

/** What a subgraph trusts and what it holds (never a key that speaks for a user). */
export interface ServiceTrust {
  /**
   * Checks each request's call token: for this subgraph, from the gateway (any person's role)
   * or from a service allowed to call it (role `service` only); 401 otherwise.
   */
  readonly verify: CallVerifier;
  /** This service's own call token for a call it makes to `audience` (role `service`). */
  readonly credential?: (audience: string) => Promise<string>;
  /** Its public keys, served on /.well-known/jwks.json for the services it calls. */
  readonly jwks?: Jwks;
}

export interface TrustOptions {
  /** The gateway's public keys: its JWKS URL, or the key set itself (tests). */
  readonly gatewayKeys: string | Jwks;
  /** The public keys of each service allowed to call this one on its own behalf. */
  readonly callerKeys: Readonly<Record<string, string | Jwks>>;
  /** This service's private key, when it calls other services. */
  readonly ownKey?: SigningKey;
}

export function serviceTrust(name: MutuSubgraph, options: TrustOptions): ServiceTrust {
  const verify = callVerifier(name, [
    { issuer: GATEWAY_ISSUER, keys: keySetOf(options.gatewayKeys), roles: USER_ROLES },
    ...Object.entries(options.callerKeys).map(([caller, keys]) => ({
      issuer: serviceIssuer(caller),
      keys: keySetOf(keys),
      roles: ['service' as const],
    })),
  ]);
  if (!options.ownKey) return { verify };
  const sign = callSigner(serviceIssuer(name), options.ownKey);
  return {
    verify,
    credential: (audience) => sign({ sub: `service:${name}`, role: 'service' }, audience),
    jwks: jwksOf(options.ownKey),
  };
}

/**
 * The trust of a service as configured: the gateway's and callers' JWKS URLs, and its own key
 * (`<NAME>_SIGNING_KEY`; outside production a key pair is made at start, kept in memory only).
 */
export async function trustFromEnv(env: ServiceEnv): Promise<ServiceTrust> {
  const calls = calledBy(env.name).length > 0;
  const setting = `${env.name.toUpperCase()}_SIGNING_KEY`;
  const ownKey = !calls
    ? undefined
    : env.SIGNING_KEY
      ? await signingKeyFrom(env.SIGNING_KEY, setting)
      : await generateSigningKey();
  return serviceTrust(env.name, {
    gatewayKeys: env.GATEWAY_JWKS_URL,
    callerKeys: env.callerJwksUrls,
    ownKey,
  });
}
