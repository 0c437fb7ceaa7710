export { describeSchema } from './catalog.js';
export { createAdapter, type Database, openDatabase, type PoolOptions } from './connection.js';
export { checkDrift, type DriftReport } from './drift.js';
export { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded.js';
export { applyMigrations, readMigrations, schemaDiffSql } from './migrations.js';
export { createScratchDatabase, type ScratchDatabase } from './scratch.js';
