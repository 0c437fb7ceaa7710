import { printSchema, Supergraph } from '@apollo/federation-internals';
import {
  type BreakingChange,
  buildSchema,
  type DangerousChange,
  findBreakingChanges,
  findDangerousChanges,
  type GraphQLSchema,
} from 'graphql';
import { compose, type SubgraphSource } from './compose.js';

/** What a partner learns before going live: does it compose, and what would it break. */
export interface CheckReport {
  readonly subgraph: string;
  readonly composes: boolean;
  /** Composition errors, in Apollo's words (they name the types and fields in conflict). */
  readonly compositionErrors: string[];
  /** Changes that can break existing clients of the graph. */
  readonly breaking: Change[];
  /** Changes that are allowed but can surprise clients (an enum value added, say). */
  readonly dangerous: Change[];
  /** True when the candidate may go live: it composes and breaks nothing. */
  readonly ok: boolean;
}

export interface Change {
  readonly type: string;
  readonly description: string;
}

/**
 * The schema clients see (federation's own types and directives removed). Rebuilt from its
 * SDL so it belongs to this package's graphql-js, whatever copy federation-internals uses.
 */
export function apiSchema(supergraphSdl: string): GraphQLSchema {
  return buildSchema(printSchema(Supergraph.build(supergraphSdl).apiSchema()));
}

const plain = (c: BreakingChange | DangerousChange): Change => ({
  type: c.type,
  description: c.description,
});

/**
 * Checks a new or changed subgraph against the graph as it is served: composes the subgraphs
 * with the candidate in place (or added), then compares the resulting API schema with the
 * current one. Removed or retyped fields, tightened nullability, removed enum values and new
 * required arguments are breaking.
 */
export function checkSubgraph(options: {
  current: readonly SubgraphSource[];
  currentSupergraphSdl: string;
  candidate: SubgraphSource;
}): CheckReport {
  const { candidate } = options;
  const subgraphs = [...options.current.filter((s) => s.name !== candidate.name), candidate];
  const composition = compose(subgraphs);
  if (!composition.ok) {
    return {
      subgraph: candidate.name,
      composes: false,
      compositionErrors: composition.errors,
      breaking: [],
      dangerous: [],
      ok: false,
    };
  }
  const before = apiSchema(options.currentSupergraphSdl);
  const after = apiSchema(composition.supergraphSdl);
  const breaking = findBreakingChanges(before, after).map(plain);
  return {
    subgraph: candidate.name,
    composes: true,
    compositionErrors: [],
    breaking,
    dangerous: findDangerousChanges(before, after).map(plain),
    ok: breaking.length === 0,
  };
}

/** The report in plain words, for a terminal. */
export function describeReport(report: CheckReport): string {
  const lines: string[] = [];
  if (!report.composes) {
    lines.push(`${report.subgraph} does not compose with the graph:`);
    for (const e of report.compositionErrors) lines.push(`  - ${e}`);
  } else {
    lines.push(`${report.subgraph} composes with the graph.`);
    if (report.breaking.length) {
      lines.push(`It would break existing clients (${report.breaking.length}):`);
      for (const c of report.breaking) lines.push(`  - ${c.description} [${c.type}]`);
    } else {
      lines.push('It breaks nothing clients use today.');
    }
    if (report.dangerous.length) {
      lines.push(`Worth telling clients (${report.dangerous.length}):`);
      for (const c of report.dangerous) lines.push(`  - ${c.description} [${c.type}]`);
    }
  }
  lines.push(report.ok ? 'Result: may go live.' : 'Result: not ready to go live.');
  return lines.join('\n');
}
