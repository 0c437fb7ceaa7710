// Prints bearer tokens of the demo identity provider, one per role:
//   pnpm run token                     all roles
//   pnpm run token --role assessor --regions 64,15.01 --sub siti@ombudsman.go.id
//   pnpm run token --role unit --organisation 64.08.dinas-kesehatan
// The provider's key is made on this machine on first use (gateway/.data, readable by you only)
// and the gateway started here trusts it; no key is in the repository. In production tokens
// come from the identity provider at JWKS_URL, never from this command.
import { parseArgs } from 'node:util';
import type { Role } from '@mutu/server';
import { demoToken } from '../src/auth.js';
import { identityProvider, loadEnv } from '../src/env.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    sub: { type: 'string' },
    regions: { type: 'string', default: '64' },
    // Pemerintah Kabupaten Kutai Timur by default: its Bagian Organisasi speaks for it and its OPDs.
    organisation: { type: 'string', default: '64.08' },
    expires: { type: 'string', default: '12h' },
  },
});
const env = loadEnv();
const { auth, demoKey } = await identityProvider(env);
if (!demoKey) {
  console.error('JWKS_URL is set: tokens come from the identity provider, not from this command');
  process.exit(2);
}
const PERSONS: Role[] = ['analyst', 'unit', 'assessor', 'admin'];
const roles: Role[] = values.role ? [values.role as Role] : PERSONS;
for (const role of roles) {
  if (!PERSONS.includes(role)) {
    console.error(`--role must be ${PERSONS.join(', ')}, got ${role}`);
    process.exit(2);
  }
  const regions = role === 'assessor' ? values.regions.split(',').map((r) => r.trim()) : [];
  const organisation = role === 'unit' ? values.organisation : undefined;
  const token = await demoToken(
    { sub: values.sub ?? `demo-${role}`, role, regions, organisation },
    demoKey,
    { audience: auth.audience, expiresIn: values.expires },
  );
  const scope = regions.length
    ? ` (${regions.join(', ')})`
    : organisation
      ? ` (${organisation})`
      : '';
  console.log(values.role ? token : `${role}${scope}:\n  ${token}`);
}
