import type { Indicator, Instrument } from '../types.js';

/** Every F-02 indicator is a level 0-5, each level described on the form (F-02, Pedoman 5/2023). */
const LEVELS = { min: 0, max: 5 } as const;

const KEMENPANRB_DECK =
  'KemenPAN-RB, "Paparan Bimbingan Instrumen PEKPPP 2024" and "Bahan Instrumen Eksisting PEKPPP Tahun 2025": "I. KEBIJAKAN PELAYANAN (9 indikator, 5 Prinsip) 24%", indicator weights 17/14/7/14/10/17/7/7/7';
const F02_AND_APPS =
  'Wording as on the F-02 evaluator form (Pedoman MenPAN-RB 5/2023, copy with the JDIH watermark); weights within the aspect from a regional PEKPPP application (Kabupaten Kutai Barat, brayenid/pekppp-guide prisma/seed.ts), agreeing with a 2022 one (yusharnadi/layanan-publik) where both have them. No official table of these weights was seen: unconfirmed.';

function indicator(
  number: number,
  code: string,
  component: string,
  name: string,
  weight: number,
  confirmed: boolean,
): Indicator {
  return { key: String(number), code, component, name, weight, scale: LEVELS, confirmed };
}

/**
 * The PEKPPP evaluator instrument (F-02) of Pedoman MenPAN-RB 5/2023 under PermenPAN-RB 29/2022
 * as amended by 4/2023, used for the IPP of 2023 to 2025 ("instrumen eksisting" in 2025): 30
 * scored indicators in the six aspects of ipp-2022. An aspect's score is its indicators' levels
 * weighed by their weight within the aspect (each aspect's weights add up to 100); the IPP is
 * the aspects weighed by the methodology's aspect weights (24/25/18/11/10/12). Regional
 * applications compute it so; the formula itself was not seen in the regulation. The 2022 cycle
 * used Pedoman 1/2022, whose indicators a 2022 application shows to be the same. The queue
 * system item ("Informasi Tambahan: sistem antrian") is asked but not scored, so it is not here.
 */
export const PEKPPP_2023: Instrument = {
  id: 'pekppp-2023',
  methodologyId: 'ipp-2022',
  name: 'Instrumen PEKPPP: Formulir Penilaian Evaluator (F-02), Pedoman MenPAN-RB 5/2023',
  componentRollUp: 'WEIGHTED_MEAN',
  confirmed: false,
  source: `Pedoman MenPAN-RB 5/2023 (F-02). Kebijakan Pelayanan: ${KEMENPANRB_DECK}. The other aspects: ${F02_AND_APPS} How indicators make an aspect is read from regional applications: unconfirmed.`,
  indicators: [
    // I. Kebijakan Pelayanan: list and weights from the KemenPAN-RB decks.
    indicator(
      1,
      '1.a.Ak',
      'kebijakan',
      'Tersedia Standar Pelayanan (SP) sesuai dengan ketentuan peraturan perundang-undangan',
      17,
      true,
    ),
    indicator(
      2,
      '2.a.P',
      'kebijakan',
      'Proses penyusunan dan perubahan SP melibatkan unsur masyarakat',
      14,
      true,
    ),
    indicator(3, '3.a.T', 'kebijakan', 'Jumlah media publikasi komponen service delivery', 7, true),
    indicator(
      4,
      '4.a.K',
      'kebijakan',
      'Peninjauan ulang SP secara berkala dan tindak lanjutnya',
      14,
      true,
    ),
    indicator(
      5,
      '5.a.K',
      'kebijakan',
      'Pemenuhan siklus Maklumat Pelayanan (ketersediaan, penetapan, publikasi)',
      10,
      true,
    ),
    indicator(
      6,
      '6.a.B',
      'kebijakan',
      'Survei Kepuasan Masyarakat (SKM) dilaksanakan sesuai Peraturan Menteri PANRB',
      17,
      true,
    ),
    indicator(7, '7.a.T', 'kebijakan', 'Jumlah media publikasi hasil SKM', 7, true),
    indicator(8, '8.a.Ak', 'kebijakan', 'Persentase tindak lanjut hasil SKM', 7, true),
    indicator(
      9,
      '9.a.Ak',
      'kebijakan',
      'Kecepatan tindak lanjut hasil SKM seluruh jenis pelayanan',
      7,
      true,
    ),
    // II. Profesionalisme SDM
    indicator(
      10,
      '10.b.As',
      'sdm',
      'Tersedia waktu pelayanan yang memudahkan pengguna layanan',
      10,
      false,
    ),
    indicator(
      11,
      '11.b.K',
      'sdm',
      'Tersedia Kode Etik dan Kode Perilaku Pelaksana dan/atau Budaya Pelayanan',
      20,
      false,
    ),
    indicator(
      12,
      '12.b.Ak',
      'sdm',
      'Mekanisme menjaga dan meningkatkan motivasi kerja pelaksana',
      20,
      false,
    ),
    indicator(
      13,
      '13.b.K',
      'sdm',
      'Kriteria pemberian penghargaan bagi pegawai berprestasi',
      20,
      false,
    ),
    indicator(
      14,
      '14.b.K',
      'sdm',
      'Tersedia pelaksana yang menerapkan budaya pelayanan',
      30,
      false,
    ),
    // III. Sarana Prasarana
    indicator(
      15,
      '15.c.K',
      'sarpras',
      'Tempat parkir dengan fasilitas pendukung memadai',
      15,
      false,
    ),
    indicator(
      16,
      '16.c.As',
      'sarpras',
      'Ruang tunggu dengan fasilitas wajib dan pelengkap',
      23,
      false,
    ),
    indicator(17, '17.c.As', 'sarpras', 'Sarana toilet pengguna layanan layak pakai', 20, false),
    indicator(
      18,
      '18.c.K',
      'sarpras',
      'Sarana prasarana bagi pengguna layanan kelompok rentan',
      20,
      false,
    ),
    indicator(19, '19.c.As', 'sarpras', 'Sarana prasarana penunjang', 11, false),
    indicator(20, '20.c.B', 'sarpras', 'Sarana Front Office (FO) informasi', 11, false),
    // IV. Sistem Informasi Pelayanan Publik
    indicator(
      21,
      '21.d.T',
      'sipp',
      'SIPP untuk informasi publik, termasuk SIPP Nasional',
      30,
      false,
    ),
    indicator(22, '22.d.B', 'sipp', 'SIPP pendukung operasional pelayanan', 20, false),
    indicator(
      23,
      '23.d.As',
      'sipp',
      'Kualitas penggunaan SIPP elektronik (website, aplikasi)',
      20,
      false,
    ),
    indicator(
      24,
      '24.d.T',
      'sipp',
      'Pemutakhiran data dan informasi pada kanal digital',
      30,
      false,
    ),
    // V. Konsultasi dan Pengaduan
    indicator(
      25,
      '25.e.P',
      'pengaduan',
      'Sarana konsultasi dan pengaduan tatap muka yang berkualitas',
      20,
      false,
    ),
    indicator(
      26,
      '26.e.P',
      'pengaduan',
      'Sarana dan media konsultasi dan pengaduan bagi semua lapisan masyarakat, termasuk SP4N-LAPOR!',
      25,
      false,
    ),
    indicator(
      27,
      '27.e.Ak',
      'pengaduan',
      'Akuntabilitas hasil konsultasi dan/atau pengaduan',
      25,
      false,
    ),
    indicator(28, '28.e.Ak', 'pengaduan', 'Tindak lanjut konsultasi dan pengaduan', 30, false),
    // VI. Inovasi
    indicator(29, '29.f.B', 'inovasi', 'Penciptaan inovasi pelayanan publik', 50, false),
    indicator(30, '30.f.B', 'inovasi', 'Sumber daya pendukung keberlanjutan inovasi', 50, false),
  ],
};
