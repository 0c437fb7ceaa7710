import { startTestService, type TestService } from '@mutu/service/testing';
import { service } from './service.js';

export type TestSubgraph = TestService;

/** This subgraph on port 0 over its own migrated, seeded database. Close it in `afterAll`. */
export const startTestSubgraph = (
  options: Parameters<typeof startTestService>[1] = {},
): Promise<TestSubgraph> => startTestService(service, options);
