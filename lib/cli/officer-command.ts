import { spawn } from 'node:child_process';
import { DEFAULT_POLICY } from '../packs';
import { DEFAULT_DIR, openFolder } from '../officer/folder';
import { startOfficerServer } from '../officer/server';
import { buildUi } from '../officer/ui-bundle';
import { importRegisterJson } from '../officer/register-import';
import { isEnvelope, readJson } from './io';
import { askPassphrase } from './passphrase';
import { args, type Io } from './main';

/** Options every command on the officer's folder shares. */
export const FOLDER_OPTIONS = { dir: { type: 'string' }, policy: { type: 'string' }, key: { type: 'string' } } as const;

/** Opens the folder for a CLI command: the same service layer the console uses. */
export async function folderFromArgs(values: { dir?: unknown; policy?: unknown; key?: unknown }, io: Io, fallbackPolicy?: unknown) {
  const policyFile = values.policy as string | undefined;
  const raw = policyFile ? await readJson(policyFile) : undefined;
  const policy = raw === undefined ? fallbackPolicy : isEnvelope(raw) ? (raw as { payload: unknown }).payload : raw;
  return openFolder((values.dir as string | undefined) ?? DEFAULT_DIR, {
    ...(values.key ? { keyFile: values.key as string } : {}),
    policy,
    askPassphrase: () => askPassphrase(),
    newPassphrase: async () => (process.stdin.isTTY && process.env.VIGIE_PASSPHRASE === undefined ? askPassphrase('New passphrase for the key (empty: none) / Nouvelle phrase de passe (vide : aucune) : ') : (process.env.VIGIE_PASSPHRASE ?? '')),
    say: (line) => io.stderr(`vigie: ${line}\n`),
  });
}

/**
 * `vigie officer`: the console on 127.0.0.1, opened in the person's browser; Ctrl+C stops it.
 * A first start with no --policy uses the bundled ACEP policy, so `npm run officer` just works.
 */
export async function officerCommand(argv: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const { values } = args(argv, { ...FOLDER_OPTIONS, 'import-register': { type: 'string' }, 'no-open': { type: 'boolean' }, port: { type: 'string' } });
  const officer = await folderFromArgs(values, io, DEFAULT_POLICY);
  if (values['import-register']) {
    const result = importRegisterJson(officer, await readJson(values['import-register'] as string), values['import-register'] as string);
    io.stderr(`vigie: ${result.imported} entries imported, ${result.skipped} already there\n`);
  }
  const server = await startOfficerServer(officer, await buildUi(), values.port ? { port: Number(values.port) } : {});
  io.stdout(`Console : ${server.url}\n(Ctrl+C pour arrêter / to stop)\n`);
  if (!values['no-open']) openBrowser(server.url, () => io.stdout('Ouvrez cette adresse dans votre navigateur / Open this address in your browser.\n'));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
  await server.close();
  officer.db.close();
  io.stderr('vigie: console stopped / console arrêtée\n');
  return 0;
}

/** xdg-open, open or start; when it cannot start or fails, `failed` asks the person to open the printed address. */
function openBrowser(url: string, failed: () => void): void {
  const [command, argv] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command as string, argv as string[], { stdio: 'ignore', detached: true });
  child.once('error', failed);
  child.once('exit', (code) => code !== 0 && failed());
  child.unref();
}
