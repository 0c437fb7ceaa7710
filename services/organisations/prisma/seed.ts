// Loads the reference data into DATABASE_URL (or the embedded database in DATA_DIR).
import { openDatabase } from '@mutu/db';
import { connectPrisma, disconnectPrisma } from '../src/db.js';
import { loadEnv } from '../src/env.js';
import { seedReferenceData } from '../src/seed/reference-data.js';

const env = loadEnv();
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  const report = await seedReferenceData(
    connectPrisma(db.url, { max: db.embedded ? 1 : env.DATABASE_POOL_MAX }),
  );
  console.log(`reference data: ${report.created} rows created, ${report.updated} updated`);
} finally {
  await disconnectPrisma();
  await db.close();
}
