import { describe, expect, it } from 'vitest';
import { peerGroupOf, provinceOfOrganisation } from '../src/contract.js';

describe('official peer groups', () => {
  it.each([
    ['17', null, 'PROVINCE'],
    ['17.01', null, 'REGENCY'],
    ['17.69', null, 'REGENCY'],
    // Kemendagri numbers kota from 71: Kota Bengkulu is not ranked with the kabupaten.
    ['17.71', null, 'CITY'],
    ['64.74', null, 'CITY'],
    [
      'kemenpan-rb',
      {
        kind: 'NATIONAL_AGENCY',
        name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
      },
      'MINISTRY',
    ],
    ['bps', { kind: 'NATIONAL_AGENCY', name: 'Badan Pusat Statistik' }, 'AGENCY'],
    ['17.71.dinas-sosial', { kind: 'OPD', name: 'Dinas Sosial Kota Bengkulu' }, 'OTHER'],
    ['ombudsman-ri', { kind: 'OMBUDSMAN_OFFICE', name: 'Ombudsman Republik Indonesia' }, 'OTHER'],
  ] as const)('%s is %s', (id, registered, group) => {
    expect(peerGroupOf(id, registered)).toBe(group);
  });

  it('a national body the register has not described is not guessed a ministry or an agency', () => {
    expect(peerGroupOf('kemenpan-rb')).toBe('OTHER');
  });

  it('reads the province from the id', () => {
    expect(provinceOfOrganisation('17.71.dinas-sosial')).toBe('17');
    expect(provinceOfOrganisation('kemenpan-rb')).toBeNull();
  });
});
