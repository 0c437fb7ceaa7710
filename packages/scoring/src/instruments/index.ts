import type { Instrument } from '../types.js';
import { PEKPPP_2023 } from './pekppp-2023.js';

/**
 * Every instrument Mutu knows, one per methodology version at most. The Ombudsman's are not
 * here: the indicators of its 2022-2024 dimensions are not published in full (the 11 standar
 * pelayanan indicators under Proses are counted, not named, in the Ombudsman's own 2023
 * material), so its lokus are recorded by dimension, as the Ombudsman publishes them.
 */
export const INSTRUMENTS: readonly Instrument[] = [PEKPPP_2023];
