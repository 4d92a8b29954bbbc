import { readFile, writeFile } from 'node:fs/promises';
import { parsePolicy, type Policy } from '../core/policy';
import { readEnvelope, type KeyPairFile, type TrustedKey } from '../core/signature';
import { InvalidDocumentError } from '../core/errors';
import { isPlainKey, isProtected, KeyError, unlockKey } from '../officer/key-file';
import { askPassphrase } from './passphrase';

/** A bad command line or input file: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
  }
}

/** A private key file, plain or sealed by a passphrase (then asked for; see lib/officer/key-file.ts). */
export async function readKeyPair(path: string): Promise<KeyPairFile> {
  const value = await readJson(path);
  if (!isPlainKey(value) && !isProtected(value)) throw new UsageError(`${path} is not a private key file made by "vigie keygen"`);
  try {
    return (await unlockKey(value, () => askPassphrase())).key;
  } catch (error) {
    if (error instanceof KeyError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

/** Public keys to trust: key files made by keygen (private or public half). */
export async function readTrust(paths: readonly string[]): Promise<TrustedKey[]> {
  if (paths.length === 0) throw new UsageError('say which public key to trust with --trust FILE');
  return Promise.all(
    paths.map(async (path) => {
      const value = (await readJson(path)) as Partial<KeyPairFile>;
      if (typeof value.keyId !== 'string' || typeof value.publicKey !== 'string') throw new UsageError(`${path} is not a key file`);
      return { keyId: value.keyId, publicKey: value.publicKey, label: path, source: 'managed' as const };
    }),
  );
}

/** A policy file: either a plain policy document or a signed envelope (its payload is used). */
export async function readPolicyFile(path: string): Promise<Policy> {
  const value = await readJson(path);
  const payload = isEnvelope(value) ? readEnvelope(value).payload : value;
  try {
    return parsePolicy(payload);
  } catch (error) {
    if (error instanceof InvalidDocumentError) throw new UsageError(`${path}: ${error.problems.join('; ')}`);
    throw error;
  }
}

export function isEnvelope(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { vigie?: unknown }).vigie === 'signed/1';
}

export async function writeOut(path: string | undefined, text: string, stdout: (s: string) => void, mode?: number): Promise<void> {
  if (path) await writeFile(path, text, mode === undefined ? undefined : { mode });
  else stdout(text);
}
