import { IDENTITY_HEADER } from '@mutu/server';
import { GraphQLError } from 'graphql';
import type { MutuSubgraph } from './topology.js';

const TIMEOUT_MS = 10_000;

/** A service call's credential: this service's call token for the audience named. */
export type ServiceCredential = (audience: string) => Promise<string>;

/**
 * Where each service this one calls answers, and the credential to call it with. Keyed by the
 * service called: tests run several subgraphs in one process, and the credential kept for a
 * callee is always that of a service allowed to call it (see `calledBy`).
 */
const callees = new Map<MutuSubgraph, { url: string; credential?: ServiceCredential }>();

/**
 * Where `callee` answers (`<CALLEE>_URL`; tests point it at theirs), and this service's own
 * credential for it: a call token of role `service`, signed with this service's key, for that
 * subgraph only. It reads what is public there; it cannot act for any user. Without a
 * credential, the one already set stays (tests move the address).
 */
export function useServiceAt(
  callee: MutuSubgraph,
  url: string,
  credential?: ServiceCredential,
): void {
  callees.set(callee, { url, credential: credential ?? callees.get(callee)?.credential });
}

/**
 * Asks `callee` one GraphQL query on this service's own behalf. It fails closed: when the
 * callee cannot answer (down, slow, an error, no data), the write that needed the answer is
 * refused with `<CALLEE>_UNAVAILABLE`, saying that nothing was written and what `confirming`
 * was for, never carried out on facts nobody checked.
 */
export async function askService<T>(
  callee: MutuSubgraph,
  confirming: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const unavailable = (reason: string) => serviceUnavailable(callee, confirming, reason);
  const target = callees.get(callee);
  if (!target?.credential) {
    throw unavailable(`this service was started without the address of the ${callee} subgraph`);
  }
  let body: { data?: T; errors?: { message: string }[] };
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: await target.credential(callee),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    body = (await response.json()) as typeof body;
  } catch (cause) {
    throw unavailable((cause as Error).message);
  }
  if (!body.data || body.errors?.length) {
    throw unavailable(body.errors?.map((e) => e.message).join('; ') ?? 'no data');
  }
  return body.data;
}

/** The refusal of a write whose facts `callee` could not confirm (`<CALLEE>_UNAVAILABLE`). */
export function serviceUnavailable(
  callee: MutuSubgraph,
  confirming: string,
  reason: string,
): GraphQLError {
  return new GraphQLError(
    `${confirming} could not be confirmed by the ${callee} subgraph, so nothing was written (${reason}); try again later`,
    { extensions: { code: `${callee.toUpperCase()}_UNAVAILABLE` } },
  );
}
