import type { Identity } from '@mutu/server';
import { type AssessmentLoaders, assessmentLoaders } from './assessments/loaders.js';
import { type ResultLoaders, resultLoaders } from './results/loaders.js';
import { type WorklistLoaders, worklistLoaders } from './worklists/loaders.js';

/** Every aggregate's batch loaders, made fresh for each request (a DataLoader caches for one). */
export type Loaders = AssessmentLoaders & ResultLoaders & WorklistLoaders;

export function createLoaders(identity: Identity): Loaders {
  return { ...assessmentLoaders(), ...resultLoaders(), ...worklistLoaders(identity) };
}
