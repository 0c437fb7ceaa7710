import { startTestService, type TestService } from '@mutu/service/testing';
import { useOrganisationsAt } from './organisations.js';
import { service } from './service.js';

export type TestSubgraph = TestService;

/**
 * This subgraph on port 0 over its own migrated, seeded database, checking organisation ids
 * against the organisations subgraph at `organisationsUrl`. Close it in `afterAll`.
 */
export function startTestSubgraph(
  options: { organisationsUrl?: string } = {},
): Promise<TestSubgraph> {
  if (options.organisationsUrl) useOrganisationsAt(options.organisationsUrl);
  return startTestService(service);
}
