export { subgraphApollo } from './apollo.js';
export { groupBy, linked, perQuery } from './batch.js';
export { retryOnUniqueViolation, uniqueViolation, whenUniqueViolated } from './constraints.js';
export {
  assessmentCycleId,
  auditEntry,
  auditSnapshot,
  isOrganisationId,
  ORGANISATION_ID,
  parseAssessmentCycleId,
  peerGroupOf,
  provinceOfOrganisation,
} from './contract.js';
export { addDays, daysBetween, isoDay, todayInIndonesia } from './dates.js';
export type { RequestInfo, ServiceDefinition, ServiceRoute } from './definition.js';
export { parseServiceEnv, type ServiceEnv } from './env.js';
export {
  assertOrganisationIdInput,
  assertProvinceCode,
  assertRegencyCode,
  cleanOptionalText,
  cleanText,
  id,
  optionalId,
  requireOrganisations,
} from './input.js';
export {
  defineMutationErrors,
  InvalidInputError,
  MutationError,
  type MutationErrorType,
  NotFoundError,
  SHARED_MUTATION_ERRORS,
  VersionConflictError,
} from './mutation-errors.js';
export {
  findOrganisations,
  type RegisteredOrganisation,
  unknownOrganisations,
} from './organisation-directory.js';
export {
  ADMIN_ONLY,
  ERRORS_OPTIONS,
  type MutuAuthScopes,
  RELAY_OPTIONS,
  SCOPE_AUTH_OPTIONS,
  type SubgraphContext,
  type SubgraphSchemaTypes,
  scopesOf,
  subgraphBuilderOptions,
  subgraphParts,
} from './pothos.js';
export { type PrismaHolder, prismaHolder } from './prisma.js';
export {
  announcePublishedChanges,
  announcingRoute,
  type PublishedCache,
  type PublishedCacheSettings,
  publishedCache,
} from './published-cache.js';
export { runService } from './run.js';
export { defineScalars } from './scalars.js';
export { defineScoringEnums } from './scoring-enums.js';
export { serveService } from './serve.js';
export {
  askService,
  type ServiceCredential,
  serviceUnavailable,
  useServiceAt,
} from './service-calls.js';
export { cleanName, searchKey, slugify } from './text.js';
export {
  calledBy,
  callersOf,
  defaultOrigin,
  MUTU_PROCESSES,
  type MutuProcess,
  type MutuSubgraph,
} from './topology.js';
export { type ServiceTrust, serviceTrust, type TrustOptions, trustFromEnv } from './trust.js';
export { INTERACTIVE_TRANSACTION, updateAtVersion, writeAudit } from './writes.js';
