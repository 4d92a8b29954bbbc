/**
 * The Chrome/Edge extension id and the manifest `key`, both derived from the CRX packing key.
 *
 * Chrome takes an extension's id from the public key that signed its CRX: the SHA-256 of the
 * DER SubjectPublicKeyInfo, first 16 bytes, each hex digit written a–p. The manifest `key` is that
 * same public key in base64; an unpacked build carrying it gets the same id. So the kit builds
 * with the packing key's public half as `key`: the packed and unpacked ids can never disagree.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** The production id: the public half of its packing key is the manifest `key` in wxt.config.ts. */
export const PRODUCTION_CHROME_ID = 'gecbemddfpgfbahoapnkaegnbckmpgjc';

export function chromeIdFromSpki(spkiDer: Uint8Array): string {
  const hex = createHash('sha256').update(spkiDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** The id for a manifest `key` (base64 DER SubjectPublicKeyInfo). */
export function chromeIdFromManifestKey(key: string): string {
  return chromeIdFromSpki(Buffer.from(key, 'base64'));
}

export interface PackingKey {
  privateKey: KeyObject;
  /** base64 DER SubjectPublicKeyInfo: what goes in the manifest's `key`. */
  manifestKey: string;
  id: string;
}

/** Reads an RSA private key (PEM, PKCS#8 or PKCS#1, as `openssl genrsa` or Chrome's "Pack extension" write it). */
export function readPackingKey(pem: string | Buffer, where: string): PackingKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new Error(`${where}: not a PEM private key (${(error as Error).message})`);
  }
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new Error(`${where}: a CRX packing key must be RSA (this one is ${privateKey.asymmetricKeyType})`);
  }
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { privateKey, manifestKey: spki.toString('base64'), id: chromeIdFromSpki(spki) };
}
