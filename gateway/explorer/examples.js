// The graph contract's example operations (../shared/design/graph-contract.md), preloaded as
// the explorer's tabs so an analyst starts from a query that works.
export const EXAMPLES = [
  {
    query: `# One regency government with its whole record, across all subgraphs.
query Kerinci {
  organisation(id: "15.01") {
    name
    kind
    regency { code name province { code name } }
    results(framework: IPP) {
      cycle { year framework }
      score
      band { grade label zone }
      change { previousScore delta comparable }
    }
    awards { title cycle { year } }
    agreements { title signedOn parties { name } }
    events { title kind startsOn }
  }
}
`,
  },
  {
    query: `# The league table analysts ask for: one official peer group (the kabupaten of Bengkulu).
query BengkuluCompliance2024 {
  ranking(framework: OMBUDSMAN_COMPLIANCE, year: 2024, provinceCode: "17") {
    rank
    group
    organisation { id name }
    score
    band { grade label zone }
  }
}
`,
  },
  {
    query: `# The official band of any score, from packages/scoring.
query Band {
  scoreBand(framework: OMBUDSMAN_COMPLIANCE, score: 86.6, year: 2023) { grade label zone }
}
`,
  },
];
