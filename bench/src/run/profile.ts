import { readFileSync } from 'node:fs';

/**
 * Summarises a V8 CPU profile (`.cpuprofile`, as BENCH_PROFILE writes): self time by package
 * or file, then the functions that cost most, so that a change is aimed where the time goes.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const [file, top = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: profile <file.cpuprofile> [how many functions]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
/** node_modules/<package> (pnpm's .pnpm paths too), the repo's own file, or the engine. */
const owner = (url: string) => {
  if (!url) return '(engine: GC, idle, native)';
  const parts = url.split('node_modules/');
  const last = parts[parts.length - 1] ?? url;
  if (parts.length > 1) {
    const segments = last.split('/');
    return segments[0]?.startsWith('@') ? `${segments[0]}/${segments[1]}` : (segments[0] ?? url);
  }
  return url.replace(/^file:\/\//, '').replace(/^.*\/(services|gateway|packages)\//, '$1/');
};
const groups = new Map<string, number>();
const functions = new Map<string, number>();
let total = 0;
for (const [id, micros] of selfMicros) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)') continue;
  total += micros;
  const group = owner(url);
  groups.set(group, (groups.get(group) ?? 0) + micros);
  const fn = `${functionName || '(anonymous)'} ${group}:${lineNumber + 1}`;
  functions.set(fn, (functions.get(fn) ?? 0) + micros);
}
const line = (name: string, micros: number) =>
  `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`;
console.log(`${file}: ${(total / 1000).toFixed(0)} ms busy (idle left out)\n\nby package or file:`);
for (const [g, m] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(line(g, m));
console.log('\nby function (self time):');
for (const [f, m] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
  console.log(line(f, m));
}
