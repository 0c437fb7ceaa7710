import { isOrganisationId } from './contract.js';
import { askService, serviceUnavailable } from './service-calls.js';

/** The organisations subgraph's own cap on organisationsByIds. */
const IDS_PER_FIELD = 100;
const CONFIRMING = 'The organisations named';

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
 * checked (askService).
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
  const data = await askService<
    Record<
      string,
      ({ id: string; name: string; kind: string; province: { code: string } | null } | null)[]
    >
  >('organisations', CONFIRMING, query, variables);
  for (let i = 0; i < chunks.length; i += 1) {
    const answer = data[`c${i}`];
    if (!answer) throw serviceUnavailable('organisations', CONFIRMING, `no answer for c${i}`);
    for (const organisation of answer) {
      if (organisation) {
        const { id, name, kind, province } = organisation;
        found.set(id, { id, name, kind, provinceCode: province?.code ?? null });
      }
    }
  }
  return found;
}
