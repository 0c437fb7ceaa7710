import { type AgreementLoaders, agreementLoaders } from './agreements/loaders.js';
import { type AwardLoaders, awardLoaders } from './awards/loaders.js';
import { type EventLoaders, eventLoaders } from './events/loaders.js';

/** Every aggregate's batch loaders, made fresh for each request (a DataLoader caches for one). */
export type Loaders = AgreementLoaders & EventLoaders & AwardLoaders;

export function createLoaders(): Loaders {
  return { ...agreementLoaders(), ...eventLoaders(), ...awardLoaders() };
}
