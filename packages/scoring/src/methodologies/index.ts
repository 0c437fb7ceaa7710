import type { Methodology } from '../types.js';
import { IPP_METHODOLOGIES } from './ipp.js';
import { OMBUDSMAN_METHODOLOGIES } from './ombudsman.js';
import { SKM_METHODOLOGIES } from './skm.js';
import { SPBE_METHODOLOGIES } from './spbe.js';

/** Every methodology version Mutu knows, oldest first within each framework. */
export const METHODOLOGIES: readonly Methodology[] = [
  ...OMBUDSMAN_METHODOLOGIES,
  ...IPP_METHODOLOGIES,
  ...SKM_METHODOLOGIES,
  ...SPBE_METHODOLOGIES,
];
