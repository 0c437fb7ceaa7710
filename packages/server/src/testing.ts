import { IDENTITY_HEADER, type Identity, internalSecret, signIdentity } from './identity.js';

/** Tests act as an administrator unless they say otherwise. */
export const TEST_ADMIN: Identity = { sub: 'test-admin', role: 'admin', regions: [] };

/**
 * Posts a GraphQL operation to a running subgraph as the gateway would: with a signed identity
 * (`as`, an administrator by default; null sends none). Returns the JSON answer.
 */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: { as?: Identity | null } = {},
): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const as = options.as === undefined ? TEST_ADMIN : options.as;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(as ? { [IDENTITY_HEADER]: await signIdentity(as, internalSecret()) } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}
