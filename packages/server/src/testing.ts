import type { Identity } from './identity.js';
import { generateSigningKey, type SigningKey } from './keys.js';
import { callSigner, GATEWAY_ISSUER, IDENTITY_HEADER } from './tokens.js';

/** Tests act as an administrator unless they say otherwise. */
export const TEST_ADMIN: Identity = { sub: 'test-admin', role: 'admin', regions: [] };

let gatewayKey: Promise<SigningKey> | undefined;
const serviceKeys = new Map<string, Promise<SigningKey>>();

/**
 * The keys of one test process, made when first asked for: the gateway's (test subgraphs
 * trust it, and a test gateway signs with it) and each service's own. Nothing is stored.
 */
export const testKeys = {
  gateway: (): Promise<SigningKey> => {
    gatewayKey ??= generateSigningKey();
    return gatewayKey;
  },
  service: (name: string): Promise<SigningKey> => {
    let key = serviceKeys.get(name);
    if (!key) {
      key = generateSigningKey();
      serviceKeys.set(name, key);
    }
    return key;
  },
};

/** Which subgraph answers at which URL: call tokens name their audience. */
const audiences = new Map<string, string>();

/** Test start-up records each subgraph's URL and name, so `graphql()` can address it. */
export function registerTestAudience(url: string, audience: string): void {
  audiences.set(url, audience);
}

/** A call token as the gateway would send it to the test subgraph at `url`. */
export async function testCallToken(url: string, as: Identity = TEST_ADMIN): Promise<string> {
  const audience = audiences.get(url) ?? audiences.get(new URL('/graphql', url).toString());
  if (!audience) throw new Error(`No test subgraph is registered at ${url}`);
  return callSigner(GATEWAY_ISSUER, await testKeys.gateway())(as, audience);
}

/**
 * Posts a GraphQL operation to a running test subgraph as the gateway would: with a call token
 * for that subgraph (`as`, an administrator by default; null sends none). Returns the answer.
 */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: { as?: Identity | null; audience?: string } = {},
): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const as = options.as === undefined ? TEST_ADMIN : options.as;
  const audience = options.audience ?? audiences.get(url);
  if (as && !audience) throw new Error(`No test subgraph is registered at ${url}`);
  const token =
    as && audience
      ? await callSigner(GATEWAY_ISSUER, await testKeys.gateway())(as, audience)
      : null;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { [IDENTITY_HEADER]: token } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}
