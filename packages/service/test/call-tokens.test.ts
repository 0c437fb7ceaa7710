import {
  callSigner,
  callVerifier,
  GATEWAY_ISSUER,
  generateSigningKey,
  jwksOf,
  keySetOf,
} from '@mutu/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A subgraph's view: call tokens from the gateway, for the organisations subgraph. */
async function setUp() {
  const key = await generateSigningKey();
  const sign = callSigner(GATEWAY_ISSUER, key);
  const verify = callVerifier('organisations', [
    { issuer: GATEWAY_ISSUER, keys: keySetOf(jwksOf(key)), roles: ['public', 'admin'] },
  ]);
  return { sign, verify };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('call tokens a subgraph has verified', () => {
  it('are taken again by their exact text until they expire, and refused after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T08:00:00Z'));
    const { sign, verify } = await setUp();
    const token = await sign({ sub: 'siti', role: 'admin' }, 'organisations');
    expect(await verify(token)).toMatchObject({ sub: 'siti', role: 'admin' });
    // Within its 30 s (and the 5 s of tolerance every check allows), again and again.
    vi.setSystemTime(new Date('2026-12-03T08:00:34Z'));
    expect(await verify(token)).toMatchObject({ sub: 'siti' });
    // Past it, the kept verification is gone and the token itself is refused.
    vi.setSystemTime(new Date('2026-12-03T08:00:36Z'));
    await expect(verify(token)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('never keep a refusal, nor let one token stand for another audience or a changed text', async () => {
    const { sign, verify } = await setUp();
    const forAssessments = await sign({ sub: 'siti', role: 'admin' }, 'assessments');
    for (let i = 0; i < 2; i += 1) {
      await expect(verify(forAssessments)).rejects.toMatchObject({
        message: expect.stringContaining('refused'),
      });
    }
    const token = await sign({ sub: 'siti', role: 'public' }, 'organisations');
    await verify(token);
    // One character inside the signature changed (never to itself): verified afresh, refused.
    const at = token.lastIndexOf('.') + 10;
    const tampered = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    expect(tampered).not.toBe(token);
    await expect(verify(tampered)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
