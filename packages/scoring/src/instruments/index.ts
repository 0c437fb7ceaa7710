import type { Instrument } from '../types.js';
import { PEKPPP_2023 } from './pekppp-2023.js';

/**
 * Every instrument Mutu knows, one per methodology version at most. The Ombudsman's are not
 * here: the indicators of its 2022-2024 dimensions are not published in full (the 11 standar
 * pelayanan indicators under Proses are counted, not named, in the Ombudsman's own 2023
 * material), so its lokus are recorded by dimension, as the Ombudsman publishes them.
 * Leads for whoever encodes it: a copy of the Keasistenan Pencegahan's "Dimensi, Variabel dan
 * Indikator Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik Tahun 2023" (id.scribd.com
 * document 658994325) names the first Input indicators (knowledge of the standar pelayanan
 * components, of the post's duties, of the Ombudsman, of maladministration, ...), yet counts
 * them two ways in one page (6 + 9 and 5 + 8); Ombudsman Jawa Tengah's 2023 Kendal workshop
 * scores indicators on an interval of 0 to 3. Neither gives the Proses indicators or the
 * weights within a dimension, which a computed total needs.
 */
export const INSTRUMENTS: readonly Instrument[] = [PEKPPP_2023];
