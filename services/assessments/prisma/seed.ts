// Loads the demo cycles and results into DATABASE_URL (or the embedded database in DATA_DIR).
import { openDatabase } from '@mutu/db';
import { connectPrisma, disconnectPrisma } from '../src/db.js';
import { loadEnv } from '../src/env.js';
import { seedDemoData } from '../src/seed/demo-data.js';

const env = loadEnv();
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  const report = await seedDemoData(
    connectPrisma(db.url, { max: db.embedded ? 1 : env.DATABASE_POOL_MAX }),
  );
  console.log(`demo data: ${report.created} rows created`);
} finally {
  await disconnectPrisma();
  await db.close();
}
