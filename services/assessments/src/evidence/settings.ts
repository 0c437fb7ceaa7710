import path from 'node:path';
import { type ObjectStore, objectStoreFromEnv, reachable } from '@mutu/storage';
import { z } from 'zod';

const MiB = 1024 * 1024;

export interface EvidenceSettings {
  /** Largest file; the gateway's MAX_UPLOAD_BYTES (32 MiB) bounds it too. */
  readonly maxFileBytes: number;
  /** All evidence of one lokus together. */
  readonly maxLokusBytes: number;
  readonly maxLokusFiles: number;
  /** How often the sweep looks for stored objects that no evidence names; 0 for never. */
  readonly sweepMinutes: number;
  /** An object younger than this may belong to an upload still under way: the sweep leaves it. */
  readonly orphanGraceMinutes: number;
}

const schema = z.object({
  EVIDENCE_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .max(1_024 * MiB)
    .default(20 * MiB),
  EVIDENCE_MAX_LOKUS_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(200 * MiB),
  EVIDENCE_MAX_LOKUS_FILES: z.coerce.number().int().min(1).max(10_000).default(200),
  EVIDENCE_SWEEP_MINUTES: z.coerce.number().int().min(0).default(60),
  EVIDENCE_ORPHAN_GRACE_MINUTES: z.coerce.number().int().min(1).default(15),
});

export function evidenceSettings(source: NodeJS.ProcessEnv): EvidenceSettings {
  const parsed = schema.parse(source);
  return {
    maxFileBytes: parsed.EVIDENCE_MAX_FILE_BYTES,
    maxLokusBytes: parsed.EVIDENCE_MAX_LOKUS_BYTES,
    maxLokusFiles: parsed.EVIDENCE_MAX_LOKUS_FILES,
    sweepMinutes: parsed.EVIDENCE_SWEEP_MINUTES,
    orphanGraceMinutes: parsed.EVIDENCE_ORPHAN_GRACE_MINUTES,
  };
}

let configured: { store: ObjectStore; settings: EvidenceSettings } | undefined;

/**
 * Where evidence is kept and its limits: EVIDENCE_STORAGE=filesystem (in EVIDENCE_STORAGE_DIR,
 * else `evidence` in the service's DATA_DIR) or s3 (EVIDENCE_S3_*, see @mutu/storage).
 */
export function useEvidenceStore(store: ObjectStore, settings: EvidenceSettings): void {
  configured = { store: reachable(store), settings };
}

/** Configures the store from the environment unless a test configured one already. */
export function configureEvidenceFromEnv(source: NodeJS.ProcessEnv, dataDir: string): void {
  if (configured) return;
  useEvidenceStore(
    objectStoreFromEnv(source, 'EVIDENCE', path.join(dataDir, 'evidence')),
    evidenceSettings(source),
  );
}

export function evidenceStore(): { store: ObjectStore; settings: EvidenceSettings } {
  // service.connect configures it from the environment before anything is served.
  if (!configured) throw new Error('The evidence store is not configured');
  return configured;
}
