import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { checkEmailCommand } from './check-email';
import { grantCommand } from './grant-commands';
import { keygen, policyCommand, revokeCommand } from './policy-commands';
import { UsageError } from './io';
import { keyCommand, registerCommand } from './register';
import { officerCommand } from './officer-command';
import { OfficerError } from '../officer/officer';
import { KeyError } from '../officer/key-file';
import { SITES_USAGE, sitesCommand } from './sites-commands';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `vigie — the privacy officer's tool for Vigie policies and access grants

  vigie keygen --out KEY.json                  new Ed25519 key pair (prints the public half)
  vigie policy sign POLICY.json --key KEY.json [--out SIGNED.json]
  vigie policy verify SIGNED.json --trust PUB.json [--held-version N]
  vigie grant template [--policy POLICY.json]  prints a grant draft to fill in, shaped by the policy
  vigie grant issue DRAFT.json --key KEY.json [--policy POLICY.json] [--out TOKEN.txt]
  vigie grant issue DRAFT.json --dir FOLDER    issues with the folder's key and records it in its register
  vigie grant verify TOKEN --trust PUB.json [--policy POLICY.json]
  vigie grant show TOKEN
  vigie revoke GRANT-ID --policy POLICY.json --key KEY.json [--out SIGNED.json]
  vigie officer [--dir FOLDER] [--policy POLICY.json] [--key KEY.json] [--import-register REG.json] [--no-open]
                                               the privacy officer's console in the browser (Ctrl+C stops it)
  vigie register list|export [--dir FOLDER] [--all] [--out FILE.csv]
  vigie register revoke GRANT-ID --reason TEXT [--dir FOLDER]   signs the next policy version into FOLDER/publish/
  vigie register import REG.json [--dir FOLDER]                 moves a register.json into the database
  vigie key protect [--dir FOLDER | --key KEY.json]             seals a private key with a passphrase
  (FOLDER: the officer's key, database and files to publish; default ~/.vigie-officer)
  vigie check-email FILE.eml|.html|.txt [--policy FILE] [--grant FILE | --local N --local-name NAME]
\${SITES_USAGE}

Exit codes: 0 ok, 1 refused or not compliant, 2 bad input.`;

export async function main(argv: string[], io: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'keygen':
        return await keygen(rest, io);
      case 'policy':
        return await policyCommand(rest, io);
      case 'grant':
        return await grantCommand(rest, io);
      case 'revoke':
        return await revokeCommand(rest, io);
      case 'register':
        return await registerCommand(rest, io);
      case 'officer':
        return await officerCommand(rest, io);
      case 'key':
        return await keyCommand(rest, io);
      case 'sites':
        return await sitesCommand(rest, io);
      case 'check-email':
        return await checkEmailCommand(rest, { ...io, readFile: async (p) => new Uint8Array(await readFile(p)) });
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}" (try "vigie help")`);
    }
  } catch (error) {
    // The officer's services refuse with located problems; on the command line that is bad input too.
    if (error instanceof UsageError || error instanceof OfficerError || error instanceof KeyError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`vigie: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    throw error;
  }
}

/** node:util parseArgs with the options every command shares. */
export function args(argv: string[], options: ParseArgsOptionsConfig) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}
