import { describe, expect, it } from 'vitest';
import { parseServiceEnv } from '../src/env.js';

const defaults = { name: 'organisations', port: 4001, serviceRoot: '/srv/organisations' };

describe('service settings', () => {
  it('defaults to the embedded database in the service folder and its own port', () => {
    const env = parseServiceEnv({}, defaults);
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
      defaults,
    );
    expect(env.DATABASE_URL).toBe('postgresql://h/organisations');
    expect(parseServiceEnv({ DATABASE_URL: 'postgresql://h/shared' }, defaults).DATABASE_URL).toBe(
      'postgresql://h/shared',
    );
  });

  it('names the setting at fault', () => {
    expect(() => parseServiceEnv({ PORT: 'http' }, defaults)).toThrow(/PORT/);
    expect(() => parseServiceEnv({ MIGRATE_ON_START: 'yes' }, defaults)).toThrow(
      /MIGRATE_ON_START/,
    );
  });
});
