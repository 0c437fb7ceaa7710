import { readFile } from 'node:fs/promises';
import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError } from 'graphql';

/**
 * Trusted documents: the operations a first-party client was built with, by sha256, as GraphQL
 * Code Generator's client preset writes them (persisted-documents.json, `"sha256:<hex>":
 * document`). Such a client sends the hash alone; the gateway answers with the document it
 * already holds, and refuses anything else from that client, so a copied dashboard token cannot
 * run a query the dashboard never sends.
 */
export interface TrustedDocuments {
  /** The client name (the `apollographql-client-name` header) these documents belong to. */
  readonly client: string;
  readonly documents: ReadonlyMap<string, string>;
}

export const CLIENT_NAME_HEADER = 'apollographql-client-name';

const HASH = /[0-9a-f]{64}$/;

/**
 * A client's build output `trusted-documents.json`: `{ client, documents }`, the documents as
 * the client preset's persisted-documents.json; none when the file is missing (not built).
 */
export async function loadTrustedDocuments(file: string): Promise<TrustedDocuments | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const manifest = JSON.parse(text) as { client?: unknown; documents?: Record<string, unknown> };
  if (typeof manifest.client !== 'string' || !manifest.documents) {
    throw new Error(`${file}: expected { "client": name, "documents": { hash: document } }`);
  }
  const documents = new Map<string, string>();
  for (const [key, document] of Object.entries(manifest.documents)) {
    const hash = HASH.exec(key)?.[0];
    if (!hash || typeof document !== 'string') {
      throw new Error(`${file}: "${key}" is not a sha256 hash of a document`);
    }
    documents.set(hash, document);
  }
  return { client: manifest.client, documents };
}

/**
 * The cache behind Apollo's persisted queries: trusted documents first (read-only, so a caller
 * cannot replace one), then what other callers register the APQ way, bounded.
 */
export function persistedQueryCache(trusted: readonly TrustedDocuments[]): KeyValueCache<string> {
  const registered = new InMemoryLRUCache<string>({ maxSize: 8 * 1024 * 1024 });
  const lookup = (key: string) => {
    const hash = HASH.exec(key)?.[0];
    for (const set of trusted) {
      const document = hash && set.documents.get(hash);
      if (document) return document;
    }
    return undefined;
  };
  return {
    get: async (key) => lookup(key) ?? registered.get(key),
    set: async (key, value, options) => {
      if (!lookup(key)) await registered.set(key, value, options);
    },
    delete: async (key) => registered.delete(key),
  };
}

/** Refuses a first-party client's operation unless it is one of its trusted documents. */
export function trustedDocumentsPlugin<T extends object>(
  trusted: readonly TrustedDocuments[],
): ApolloServerPlugin<T> {
  const byClient = new Map(trusted.map((set) => [set.client, set.documents]));
  return {
    async requestDidStart({ request }) {
      const client = request.http?.headers.get(CLIENT_NAME_HEADER);
      const documents = client ? byClient.get(client) : undefined;
      if (!documents) return;
      return {
        async didResolveOperation({ queryHash }) {
          if (documents.has(queryHash)) return;
          throw new GraphQLError(
            `The ${client} client sends only the operations it was built with (trusted documents); this one is not among them`,
            { extensions: { code: 'PERSISTED_QUERY_NOT_TRUSTED', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
