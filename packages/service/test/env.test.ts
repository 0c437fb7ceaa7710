import { describe, expect, it } from 'vitest';
import { parseServiceEnv } from '../src/env.js';

const organisations = { name: 'organisations', serviceRoot: '/srv/organisations' } as const;
const assessments = { name: 'assessments', serviceRoot: '/srv/assessments' } as const;

describe('service settings', () => {
  it('defaults to the embedded database in the service folder and its own port', () => {
    const env = parseServiceEnv({}, organisations);
    expect(env).toMatchObject({
      PORT: 4001,
      HOST: '127.0.0.1',
      DATA_DIR: '/srv/organisations/.data',
      DATABASE_POOL_MAX: 10,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("the service's own <NAME>_DATABASE_URL wins over DATABASE_URL, so services never share one by accident", () => {
    const env = parseServiceEnv(
      {
        DATABASE_URL: 'postgresql://h/shared',
        ORGANISATIONS_DATABASE_URL: 'postgresql://h/organisations',
        ASSESSMENTS_DATABASE_URL: 'postgresql://h/assessments',
      },
      organisations,
    );
    expect(env.DATABASE_URL).toBe('postgresql://h/organisations');
    expect(
      parseServiceEnv({ DATABASE_URL: 'postgresql://h/shared' }, organisations).DATABASE_URL,
    ).toBe('postgresql://h/shared');
  });

  it('names the setting at fault', () => {
    expect(() => parseServiceEnv({ PORT: 'http' }, organisations)).toThrow(/PORT/);
    expect(() => parseServiceEnv({ MIGRATE_ON_START: 'yes' }, organisations)).toThrow(
      /MIGRATE_ON_START/,
    );
  });

  it('outside production, trusts the gateway and the calling services at their local addresses', () => {
    expect(parseServiceEnv({}, organisations)).toMatchObject({
      GATEWAY_JWKS_URL: 'http://127.0.0.1:4000/.well-known/jwks.json',
      callerJwksUrls: {
        assessments: 'http://127.0.0.1:4002/.well-known/jwks.json',
        engagement: 'http://127.0.0.1:4003/.well-known/jwks.json',
      },
      serviceUrls: {},
    });
    expect(parseServiceEnv({}, assessments)).toMatchObject({
      callerJwksUrls: {},
      serviceUrls: {
        organisations: 'http://127.0.0.1:4001/graphql',
        engagement: 'http://127.0.0.1:4003/graphql',
      },
    });
  });

  it('in production, refuses to start without its keys and addresses, naming each missing setting', () => {
    expect(() => parseServiceEnv({ NODE_ENV: 'production' }, organisations)).toThrow(
      /GATEWAY_JWKS_URL: required in production.*ASSESSMENTS_JWKS_URL: required in production.*ENGAGEMENT_JWKS_URL: required in production/,
    );
    expect(() => parseServiceEnv({ NODE_ENV: 'production' }, assessments)).toThrow(
      /ORGANISATIONS_URL: required in production.*ASSESSMENTS_SIGNING_KEY: required in production/,
    );
  });

  it('refuses the retired shared secrets rather than ignore them', () => {
    expect(() => parseServiceEnv({ MUTU_INTERNAL_SECRET: 'x'.repeat(40) }, organisations)).toThrow(
      /MUTU_INTERNAL_SECRET: shared secrets are no longer accepted/,
    );
  });

  it("reads only its own <NAME>_SIGNING_KEY, never another service's", () => {
    expect(parseServiceEnv({ ENGAGEMENT_SIGNING_KEY: 'k' }, assessments).SIGNING_KEY).toBe(
      undefined,
    );
    expect(parseServiceEnv({ ASSESSMENTS_SIGNING_KEY: 'k' }, assessments).SIGNING_KEY).toBe('k');
  });
});
