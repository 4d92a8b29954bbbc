import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair } from '../core/signature';
import { isPlainKey, isProtected, KeyError, protectKey, unlockKey } from './key-file';
import { openOfficer, paths, type Officer } from './officer';
import { latestPolicy, seedPolicy } from './policy-service';

export const DEFAULT_DIR = join(homedir(), '.vigie-officer');

export interface FolderOptions {
  /** A key file to adopt when the folder has none (plain or protected; copied as is). */
  keyFile?: string;
  /** The policy to start from when the register has none yet (plain or signed). */
  policy?: unknown;
  askPassphrase: () => Promise<string>;
  /** For a new key: the passphrase to seal it with ('' leaves it unprotected). */
  newPassphrase?: () => Promise<string>;
  say?: (line: string) => void;
}

/**
 * Opens the officer's folder (key, database, files to publish), creating what is missing: a new
 * key (sealed if the officer gives a passphrase) and the first signed version of the policy.
 * The CLI's register commands and the console both come through here.
 */
export async function openFolder(dir: string, options: FolderOptions): Promise<Officer> {
  const say = options.say ?? (() => {});
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const p = paths(dir);
  if (!existsSync(p.key)) {
    if (options.keyFile) {
      writeFileSync(p.key, readFileSync(options.keyFile), { mode: 0o600 });
      say(`key ${options.keyFile} copied to ${p.key}`);
    } else {
      const pair = await generateKeyPair();
      const passphrase = (await options.newPassphrase?.()) ?? '';
      const stored = passphrase ? await protectKey(pair, passphrase) : pair;
      writeFileSync(p.key, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
      say(`new key ${pair.keyId} written to ${p.key}${passphrase ? ' (protected by your passphrase)' : ' (NOT protected: run "vigie key protect --dir" to add a passphrase)'}`);
    }
  }
  const value: unknown = JSON.parse(readFileSync(p.key, 'utf8'));
  if (!isPlainKey(value) && !isProtected(value)) throw new KeyError(`${p.key} is not a private key file made by "vigie keygen"`);
  const { key, protected: sealed } = await unlockKey(value, options.askPassphrase);
  const fresh = !existsSync(p.database);
  const officer = openOfficer(dir, key, { keyProtected: sealed });
  // The register names people: only its owner reads it (SQLite gives its -wal and -shm files the same mode).
  if (fresh) chmodSync(p.database, 0o600);
  if (!latestPolicy(officer)) {
    if (options.policy === undefined) throw new KeyError('this register has no policy yet: give one with --policy FILE');
    await seedPolicy(officer, options.policy);
    say(`policy signed as version ${latestPolicy(officer)!.version}, written to ${p.publishedPolicy}`);
  }
  return officer;
}
