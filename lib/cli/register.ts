import { readFile, writeFile } from 'node:fs/promises';
import { registerCsv } from '../officer/register-csv';
import { listEntries } from '../officer/register-service';
import { revokeGrant } from '../officer/policy-service';
import { importRegisterJson } from '../officer/register-import';
import { isPlainKey, protectKey } from '../officer/key-file';
import { paths } from '../officer/officer';
import { DEFAULT_DIR } from '../officer/folder';
import { args, type Io } from './main';
import { readJson, UsageError, writeOut } from './io';
import { askPassphrase } from './passphrase';
import { FOLDER_OPTIONS, folderFromArgs } from './officer-command';

/**
 * The register of granted accesses (the party's policy asks the Chair of the Communications
 * Commission to keep "une liste de tous les accès ainsi octroyés"), in the officer's folder: the
 * same database and service functions as the console (`vigie officer`), on the command line.
 */
export async function registerCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = args(rest, { ...FOLDER_OPTIONS, all: { type: 'boolean' }, out: { type: 'string' }, reason: { type: 'string' }, register: { type: 'string' } });
  if (values.register) throw new UsageError('the register is now a database in the officer\'s folder: move an old one with "vigie register import REG.json --dir FOLDER"');
  if (!['list', 'export', 'revoke', 'import'].includes(sub ?? '')) throw new UsageError('usage: vigie register list|export|revoke|import … [--dir FOLDER]');
  const officer = await folderFromArgs(values, io);
  try {
    switch (sub) {
      case 'list': {
        const shown = listEntries(officer, values.all ? {} : { state: 'in-force' });
        io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
        return 0;
      }
      case 'export':
        await writeOut(values.out as string | undefined, registerCsv(listEntries(officer)), io.stdout);
        return 0;
      case 'revoke': {
        const [id] = positionals;
        if (!id || !values.reason) throw new UsageError('usage: vigie register revoke GRANT-ID --reason TEXT [--dir FOLDER]');
        const signed = await revokeGrant(officer, id, values.reason as string);
        io.stderr(`vigie: grant ${id} revoked; policy version ${signed.version} signed and written to ${paths(officer.dir).publishedPolicy}\n`);
        return 0;
      }
      default: {
        const [file] = positionals;
        if (!file) throw new UsageError('usage: vigie register import REG.json [--dir FOLDER]');
        const result = importRegisterJson(officer, await readJson(file), file);
        io.stderr(`vigie: ${result.imported} entries imported from ${file}, ${result.skipped} already there\n`);
        return 0;
      }
    }
  } finally {
    officer.db.close();
  }
}

/** `vigie key protect`: seals a plain private key with a passphrase, in place. */
export async function keyCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = args(rest, { dir: { type: 'string' }, key: { type: 'string' } });
  if (sub !== 'protect') throw new UsageError('usage: vigie key protect [--dir FOLDER | --key KEY.json]');
  const file = (values.key as string | undefined) ?? paths((values.dir as string | undefined) ?? DEFAULT_DIR).key;
  const value: unknown = JSON.parse(await readFile(file, 'utf8').catch(() => { throw new UsageError(`cannot read ${file}`); }));
  if (!isPlainKey(value)) throw new UsageError(`${file} is already protected, or is not a private key`);
  const first = await askPassphrase('New passphrase / Nouvelle phrase de passe : ');
  const again = process.env.VIGIE_PASSPHRASE ?? (await askPassphrase('Again / Encore : '));
  if (first !== again) throw new UsageError('the two passphrases differ; nothing changed');
  await writeFile(file, `${JSON.stringify(await protectKey(value, first), null, 2)}\n`, { mode: 0o600 });
  io.stderr(`vigie: ${file} is now protected by your passphrase\n`);
  return 0;
}
