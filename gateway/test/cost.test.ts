import { readFile } from 'node:fs/promises';
import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_FILE } from '../src/compose.js';
import { listAwareEstimator } from '../src/cost.js';

const schema = Supergraph.build(await readFile(SUPERGRAPH_FILE, 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: [listAwareEstimator] });
const LIMIT = 20_000;

describe('the cost of an operation counts the items its lists return', () => {
  it("keeps the contract's operations well inside the limit", () => {
    const contract = cost(`{ organisation(id: "15.01") {
      name kind regency { code name province { code name } }
      results(framework: IPP) { cycle { year framework } score band { grade label zone } change { previousScore delta } }
      awards { title cycle { year } } agreements { title signedOn parties { name } } events { title kind startsOn } } }`);
    const ranking = cost(
      '{ ranking(framework: IPP, year: 2024, provinceCode: "64") { rank organisation { id name } score band { grade label } } }',
    );
    const national = cost(
      '{ ranking(framework: IPP, year: 2024) { rank organisation { id name } score band { grade label } } }',
    );
    expect(contract).toBeLessThan(LIMIT / 4);
    expect(ranking).toBeLessThan(national);
    expect(national).toBeLessThan(LIMIT);
  });

  it('counts a page by its size, from an argument or a variable, and its edges once', () => {
    const page = (n: number) =>
      cost(`{ organisations(first: ${n}) { edges { node { id name } } } }`);
    expect(page(100)).toBeGreaterThan(page(10) * 9);
    expect(
      cost('query($n: Int) { organisations(first: $n) { edges { node { id name } } } }', {
        n: 100,
      }),
    ).toBe(page(100));
    // Without a size, a page costs the subgraphs' default of 20.
    expect(cost('{ organisations { edges { node { id name } } } }')).toBe(page(20));
  });

  it('refuses lists nested in lists, and the same list under many aliases', () => {
    const nested = cost(
      '{ organisations(first: 100) { edges { node { children { children { id name } } } } } }',
    );
    expect(nested).toBeGreaterThan(LIMIT * 10);
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `r${i}: ranking(framework: IPP, year: 2024) { organisation { name } }`,
    ).join(' ');
    expect(cost(`{ ${aliases} }`)).toBeGreaterThan(LIMIT);
    // A list without a page argument counts at its default cap (20), not as one item.
    expect(cost('{ organisation(id: "15.01") { auditTrail { action } } }')).toBeGreaterThan(40);
  });

  it('counts organisationsByIds by the ids it is given', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `"${i}"`).join(',');
    expect(cost(`{ organisationsByIds(ids: [${ids(100)}]) { id name } }`)).toBe(
      100 * cost(`{ organisationsByIds(ids: [${ids(1)}]) { id name } }`),
    );
  });
});
