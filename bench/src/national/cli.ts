// pnpm data:national [--scale 1] [--seed N] [--replace] [--data-dir DIR]
// Loads the national synthetic data set into the databases `pnpm start` would use.
import { parseArgs } from 'node:util';
import { AlreadyGeneratedError, generateNational } from './national.js';
import { DEFAULT_SEED, planOf } from './plan.js';
import { describeTarget, SERVICES, targetsFromEnv } from './targets.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    replace: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'batch-size': { type: 'string', default: '10000' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`pnpm data:national [--scale 1] [--seed ${DEFAULT_SEED}] [--replace] [--data-dir DIR]

Each service's database as for pnpm start: <NAME>_DATABASE_URL, else DATABASE_URL, else the
embedded PGlite in its DATA_DIR (services/<name>/.data); --data-dir DIR puts the three embedded
databases in DIR/<name>. A second run refuses unless --replace, which removes the earlier
synthetic rows (the demo's stay) and generates anew.`);
  process.exit(0);
}

const plan = planOf({ scale: Number(values.scale), seed: Number(values.seed) });
const targets = targetsFromEnv(process.env, values['data-dir']);
for (const name of SERVICES) console.log(`${name}: ${describeTarget(targets[name])}`);
console.log(`scale ${plan.scale}, seed ${plan.seed}`);

try {
  const report = await generateNational({
    plan,
    targets,
    replace: values.replace,
    batchSize: Number(values['batch-size']),
    log: (line) => console.log(line),
  });
  console.log('\nrows inserted:');
  let rows = 0;
  for (const name of SERVICES) {
    for (const [table, count] of Object.entries(report.counts[name])) {
      rows += count;
      console.log(`  ${name}.${table}`.padEnd(40) + String(count).padStart(10));
    }
  }
  console.log(`  total`.padEnd(40) + String(rows).padStart(10));
  console.log(
    `\n${report.governments} governments populated; total time ${(report.totalMs / 1000).toFixed(1)} s`,
  );
} catch (error) {
  if (error instanceof AlreadyGeneratedError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
