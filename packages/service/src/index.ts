export { subgraphApollo } from './apollo.js';
export { actorOf, auditSnapshot, isOrganisationId, ORGANISATION_ID } from './contract.js';
export type { ServiceDefinition } from './definition.js';
export { parseServiceEnv, type ServiceEnv } from './env.js';
export {
  defineMutationErrors,
  InvalidInputError,
  MutationError,
  type MutationErrorType,
  NotFoundError,
  SHARED_MUTATION_ERRORS,
  VersionConflictError,
} from './mutation-errors.js';
export { type PrismaHolder, prismaHolder } from './prisma.js';
export { runService } from './run.js';
export { defineScalars } from './scalars.js';
