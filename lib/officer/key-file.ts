import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb } from 'node:crypto';
import { promisify } from 'node:util';
import type { KeyPairFile } from '../core/signature';
import { fromBase64Url, toBase64Url } from '../core/base64url';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/**
 * The officer's private key at rest: either the plain file `vigie keygen` writes, or the same with
 * the private half sealed by a passphrase (scrypt → AES-256-GCM). The public half stays readable
 * so the key can be named and trusted without the passphrase.
 */
export interface ProtectedKeyFile {
  keyId: string;
  publicKey: string;
  protected: { kdf: 'scrypt'; N: number; r: number; p: number; salt: string; iv: string; sealed: string };
}

/** Wrong passphrase, or a key file that is neither kind. */
export class KeyError extends Error {
  override name = 'KeyError';
}

const PARAMS = { N: 2 ** 16, r: 8, p: 1 } as const;
const maxmem = (N: number, r: number) => 256 * N * r;

export function isProtected(value: unknown): value is ProtectedKeyFile {
  return typeof value === 'object' && value !== null && typeof (value as ProtectedKeyFile).protected === 'object';
}

export function isPlainKey(value: unknown): value is KeyPairFile {
  const v = value as Partial<KeyPairFile>;
  return typeof v?.keyId === 'string' && typeof v.publicKey === 'string' && typeof v.privateKey === 'string';
}

export async function protectKey(key: KeyPairFile, passphrase: string): Promise<ProtectedKeyFile> {
  if (passphrase.length < 8) throw new KeyError('a passphrase needs at least 8 characters');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const derived = await scrypt(passphrase, salt, 32, { ...PARAMS, maxmem: maxmem(PARAMS.N, PARAMS.r) });
  const cipher = createCipheriv('aes-256-gcm', derived, iv);
  // The key id is bound as associated data: a sealed private key cannot be paired with another public key.
  cipher.setAAD(Buffer.from(key.keyId));
  const sealed = Buffer.concat([cipher.update(Buffer.from(fromBase64Url(key.privateKey))), cipher.final(), cipher.getAuthTag()]);
  return {
    keyId: key.keyId,
    publicKey: key.publicKey,
    protected: { kdf: 'scrypt', ...PARAMS, salt: toBase64Url(salt), iv: toBase64Url(iv), sealed: toBase64Url(sealed) },
  };
}

export async function unprotectKey(file: ProtectedKeyFile, passphrase: string): Promise<KeyPairFile> {
  const { N, r, p, salt, iv, sealed } = file.protected;
  const derived = await scrypt(passphrase, Buffer.from(fromBase64Url(salt)), 32, { N, r, p, maxmem: maxmem(N, r) });
  const bytes = Buffer.from(fromBase64Url(sealed));
  const decipher = createDecipheriv('aes-256-gcm', derived, Buffer.from(fromBase64Url(iv)));
  decipher.setAAD(Buffer.from(file.keyId));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  try {
    const pkcs8 = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
    return { keyId: file.keyId, publicKey: file.publicKey, privateKey: toBase64Url(pkcs8) };
  } catch {
    throw new KeyError('wrong passphrase for this key');
  }
}

/** Opens a key file's content; asks for the passphrase only when the key is protected. */
export async function unlockKey(value: unknown, askPassphrase: () => Promise<string>): Promise<{ key: KeyPairFile; protected: boolean }> {
  if (isPlainKey(value)) return { key: value, protected: false };
  if (isProtected(value)) return { key: await unprotectKey(value, await askPassphrase()), protected: true };
  throw new KeyError('not a private key file made by "vigie keygen"');
}
