import { GraphQLError } from 'graphql';
import { isOrganisationId } from './contract.js';

/** The organisations subgraph's own cap on organisationsByIds. */
const IDS_PER_FIELD = 100;
const TIMEOUT_MS = 10_000;

let organisationsUrl = 'http://127.0.0.1:4001/graphql';

/** Where the organisations subgraph answers (ORGANISATIONS_URL; tests point it at theirs). */
export function useOrganisationsAt(url: string): void {
  organisationsUrl = url;
}

/**
 * The ids among `ids` that name no organisation. Subgraphs never read the register's tables: it asks the organisations subgraph, all ids in one HTTP request (aliased fields of
 * 100 ids each). It fails closed: when the register cannot answer, the write is refused with
 * an error that says so, never recorded against ids nobody checked.
 */
export async function unknownOrganisations(ids: Iterable<string>): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  const unknown = new Set(wanted.filter((id) => !isOrganisationId(id)));
  const asked = wanted.filter((id) => !unknown.has(id));
  if (asked.length === 0) return unknown;
  const chunks: string[][] = [];
  for (let i = 0; i < asked.length; i += IDS_PER_FIELD)
    chunks.push(asked.slice(i, i + IDS_PER_FIELD));
  const query = `query(${chunks.map((_, i) => `$i${i}: [ID!]!`).join(', ')}) { ${chunks
    .map((_, i) => `c${i}: organisationsByIds(ids: $i${i}) { id }`)
    .join(' ')} }`;
  const variables = Object.fromEntries(chunks.map((chunk, i) => [`i${i}`, chunk]));
  let body: { data?: Record<string, ({ id: string } | null)[]>; errors?: { message: string }[] };
  try {
    const response = await fetch(organisationsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    body = (await response.json()) as typeof body;
  } catch (cause) {
    throw unavailable(`${(cause as Error).message}`);
  }
  if (!body.data || body.errors?.length) {
    throw unavailable(body.errors?.map((e) => e.message).join('; ') ?? 'no data');
  }
  for (const [i, chunk] of chunks.entries()) {
    const found = body.data[`c${i}`];
    if (!found) throw unavailable(`no answer for field c${i}`);
    chunk.forEach((id, j) => {
      if (!found[j]) unknown.add(id);
    });
  }
  return unknown;
}

function unavailable(reason: string): GraphQLError {
  return new GraphQLError(
    `The organisations register could not confirm the organisations named, so nothing was written (${reason}); try again later`,
    { extensions: { code: 'ORGANISATIONS_UNAVAILABLE' } },
  );
}
