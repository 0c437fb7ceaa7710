import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
} from 'jose';

/**
 * The algorithms Mutu signs with: Ed25519 by default, P-256 where a key management system
 * offers only that. Both are asymmetric, so whoever verifies a token cannot make one.
 */
export const SIGNING_ALGORITHMS = ['EdDSA', 'ES256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** A private key that signs tokens, with the public half a JWKS publishes. */
export interface SigningKey {
  /** The key id: the RFC 7638 thumbprint of the public key, so it never needs configuring. */
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly privateKey: CryptoKey;
  /** The public key as a JWK, with kid, alg and use. */
  readonly publicJwk: JWK;
}

/** A JSON Web Key Set, as served on `/.well-known/jwks.json`. */
export interface Jwks {
  keys: JWK[];
}

async function described(privateKey: CryptoKey, alg: SigningAlgorithm): Promise<SigningKey> {
  const full = await exportJWK(privateKey);
  const { d: _private, ...publicPart } = full;
  const kid = await calculateJwkThumbprint(publicPart);
  return { kid, alg, privateKey, publicJwk: { ...publicPart, kid, alg, use: 'sig' } };
}

const algorithmOf = (jwk: JWK): SigningAlgorithm => {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  throw new Error(
    `a signing key must be Ed25519 or P-256 (EdDSA or ES256), got ${jwk.kty}/${jwk.crv}`,
  );
};

/** A fresh key pair, made at start where no key is configured (never outside a demo). */
export async function generateSigningKey(alg: SigningAlgorithm = 'EdDSA'): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return described(privateKey, alg);
}

/**
 * A configured private key: a PKCS#8 PEM (`openssl genpkey -algorithm ed25519`) or a private
 * JWK as JSON. `setting` names the variable in the error, so an operator knows what to fix.
 */
export async function signingKeyFrom(text: string, setting: string): Promise<SigningKey> {
  const value = text.trim();
  try {
    if (value.startsWith('{')) {
      const jwk = JSON.parse(value) as JWK;
      if (!jwk.d) throw new Error('the JWK has no private part (d)');
      const alg = algorithmOf(jwk);
      return described((await importJWK(jwk, alg, { extractable: true })) as CryptoKey, alg);
    }
    const pem = value.replace(/\\n/g, '\n');
    for (const alg of SIGNING_ALGORITHMS) {
      try {
        return described(await importPKCS8(pem, alg, { extractable: true }), alg);
      } catch {
        // Try the next algorithm: a PEM does not say which one it is for.
      }
    }
    throw new Error('it is neither an Ed25519 nor a P-256 PKCS#8 private key');
  } catch (error) {
    throw new Error(`Invalid configuration: ${setting}: ${(error as Error).message}`);
  }
}

/** The private key as a JWK, for a key file. */
export async function exportSigningKey(key: SigningKey): Promise<string> {
  return JSON.stringify({ ...(await exportJWK(key.privateKey)), kid: key.kid, alg: key.alg });
}

/**
 * A key kept in a file that only this user may read: read when it exists, made and written
 * otherwise. This is the demo identity provider's key (so `pnpm run token` and the gateway agree
 * across restarts); nothing in the repository holds it.
 */
export async function signingKeyFile(file: string): Promise<SigningKey> {
  if (existsSync(file)) return signingKeyFrom(await readFile(file, 'utf8'), file);
  const key = await generateSigningKey();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, await exportSigningKey(key), { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      // Another process (the gateway, `pnpm run token`) made it first: use theirs.
      if (error.code !== 'EEXIST') throw error;
    },
  );
  await chmod(file, 0o600);
  return signingKeyFrom(await readFile(file, 'utf8'), file);
}

/** The public keys to publish. */
export const jwksOf = (...keys: readonly SigningKey[]): Jwks => ({
  keys: keys.map((k) => k.publicJwk),
});
