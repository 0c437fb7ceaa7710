import { type AssessmentLoaders, assessmentLoaders } from './assessments/loaders.js';
import { type ResultLoaders, resultLoaders } from './results/loaders.js';

/** Every aggregate's batch loaders, made fresh for each request (a DataLoader caches for one). */
export type Loaders = AssessmentLoaders & ResultLoaders;

export function createLoaders(): Loaders {
  return { ...assessmentLoaders(), ...resultLoaders() };
}
