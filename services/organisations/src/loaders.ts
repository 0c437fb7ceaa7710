import { type OrganisationLoaders, organisationLoaders } from './organisations/loaders.js';

/** Every aggregate's batch loaders, made fresh for each request (a DataLoader caches for one). */
export type Loaders = OrganisationLoaders;

export function createLoaders(): Loaders {
  return { ...organisationLoaders() };
}
