import { IDENTITY_HEADER } from '@mutu/server';
import { GraphQLError } from 'graphql';
import { isOrganisationId } from './contract.js';

/** The organisations subgraph's own cap on organisationsByIds. */
const IDS_PER_FIELD = 100;
const TIMEOUT_MS = 10_000;

let organisationsUrl: string | undefined;
let credential: ((audience: string) => Promise<string>) | undefined;

/**
 * Where the organisations subgraph answers (ORGANISATIONS_URL; tests point it at theirs), and
 * the calling service's own credential: a call token of role `service`, signed with that
 * service's key, for the organisations subgraph only. It reads the public register; it cannot
 * act for any user. Without a credential, the one already set stays (tests move the address).
 */
export function useOrganisationsAt(
  url: string,
  serviceCredential?: (audience: string) => Promise<string>,
): void {
  organisationsUrl = url;
  credential = serviceCredential ?? credential;
}

/** What the register says about an organisation, as far as other subgraphs need it. */
export interface RegisteredOrganisation {
  id: string;
  name: string;
  /** The province it serves or lies in; null for national bodies. */
  provinceCode: string | null;
  /** What kind of body it is (OrganisationKind), for its peer group. */
  kind: string;
}

/** The ids among `ids` that name no organisation (see findOrganisations). */
export async function unknownOrganisations(ids: Iterable<string>): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  const found = await findOrganisations(wanted);
  return new Set(wanted.filter((id) => !found.has(id)));
}

/**
 * The register's record (id, name, province) of each id it knows; unknown ids are absent. Subgraphs never
 * read the register's tables: this asks the organisations subgraph, all ids in one HTTP request
 * (aliased fields of 100 ids each). It fails closed: when the register cannot answer, the
 * caller's write is refused with an error that says so, never recorded against ids nobody
 * checked.
 */
export async function findOrganisations(
  ids: Iterable<string>,
): Promise<Map<string, RegisteredOrganisation>> {
  const found = new Map<string, RegisteredOrganisation>();
  const asked = [...new Set(ids)].filter(isOrganisationId);
  if (asked.length === 0) return found;
  const chunks: string[][] = [];
  for (let i = 0; i < asked.length; i += IDS_PER_FIELD)
    chunks.push(asked.slice(i, i + IDS_PER_FIELD));
  const query = `query(${chunks.map((_, i) => `$i${i}: [ID!]!`).join(', ')}) { ${chunks
    .map((_, i) => `c${i}: organisationsByIds(ids: $i${i}) { id name kind province { code } }`)
    .join(' ')} }`;
  const variables = Object.fromEntries(chunks.map((chunk, i) => [`i${i}`, chunk]));
  let body: {
    data?: Record<
      string,
      ({ id: string; name: string; kind: string; province: { code: string } | null } | null)[]
    >;
    errors?: { message: string }[];
  };
  if (!organisationsUrl || !credential) {
    throw unavailable('this service was started without the address of the organisations subgraph');
  }
  try {
    const response = await fetch(organisationsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: await credential('organisations'),
      },
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
  for (let i = 0; i < chunks.length; i += 1) {
    const answer = body.data[`c${i}`];
    if (!answer) throw unavailable(`no answer for field c${i}`);
    for (const organisation of answer) {
      if (organisation) {
        const { id, name, kind, province } = organisation;
        found.set(id, { id, name, kind, provinceCode: province?.code ?? null });
      }
    }
  }
  return found;
}

function unavailable(reason: string): GraphQLError {
  return new GraphQLError(
    `The organisations register could not confirm the organisations named, so nothing was written (${reason}); try again later`,
    { extensions: { code: 'ORGANISATIONS_UNAVAILABLE' } },
  );
}
