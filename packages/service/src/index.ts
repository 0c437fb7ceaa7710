export { subgraphApollo } from './apollo.js';
export type { ServiceDefinition } from './definition.js';
export { parseServiceEnv, type ServiceEnv } from './env.js';
export { type PrismaHolder, prismaHolder } from './prisma.js';
export { runService } from './run.js';
