import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { CLIENT_NAME } from './client-name.js';

/** A GraphQL error as the gateway sent it: its message and code, shown to the reader as words. */
export class GraphError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'mutu.token';

/** The bearer token a signed-in reader pasted, kept for this browser tab only. */
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (value: string) =>
    value ? sessionStorage.setItem(TOKEN_KEY, value) : sessionStorage.removeItem(TOKEN_KEY),
};

export function authHeaders(): Record<string, string> {
  const bearer = token.get();
  return bearer ? { authorization: `Bearer ${bearer}` } : {};
}

/** The hash the client preset put in place of the document (persistedDocuments mode). */
function hashOf(document: object): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('operation without a trusted-document hash: run pnpm codegen');
  return hash.replace(/^sha256:/, '');
}

/**
 * Sends one operation the way a trusted-documents client does: its hash alone, as a persisted
 * query. A partial answer (one subgraph down) keeps its data and its errors.
 */
export async function request<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<{ data: TData; errors: GraphError[] }> {
  const response = await fetch('/graphql', {
    method: 'POST',
    signal,
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      [CLIENT_NAME_HEADER]: CLIENT_NAME,
      ...authHeaders(),
    },
    body: JSON.stringify({
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(document) } },
    }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: TData | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const errors = (body.errors ?? []).map((e) => new GraphError(e.message, e.extensions?.code));
  if (!body.data) {
    throw errors[0] ?? new GraphError(`The gateway answered ${response.status}`, undefined);
  }
  return { data: body.data, errors };
}

const CLIENT_NAME_HEADER = 'apollographql-client-name';
