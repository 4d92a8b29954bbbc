import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { checkEmailCommand } from './check-email';
import { grantCommand } from './grant-commands';
import { keygen, policyCommand, revokeCommand } from './policy-commands';
import { UsageError } from './io';
import { registerCommand } from './register';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `vigie — the privacy officer's tool for Vigie policies and access grants

  vigie keygen --out KEY.json                  new Ed25519 key pair (prints the public half)
  vigie policy sign POLICY.json --key KEY.json [--out SIGNED.json]
  vigie policy verify SIGNED.json --trust PUB.json [--held-version N]
  vigie grant template [--policy POLICY.json]  prints a grant draft to fill in, shaped by the policy
  vigie grant issue DRAFT.json --key KEY.json [--policy POLICY.json] [--register REG.json] [--out TOKEN.txt]
  vigie grant verify TOKEN --trust PUB.json [--policy POLICY.json]
  vigie grant show TOKEN
  vigie grant authorize TOKEN --key KEY.json --platform ID --purpose TEXT --reference REF --until YYYY-MM-DD
                               re-issues the grant with a written export authorization (answer to a request)
  vigie revoke GRANT-ID --policy POLICY.json --key KEY.json [--out SIGNED.json]
  vigie register list|export --register REG.json [--all] [--out FILE.csv]
  vigie register revoke GRANT-ID --register REG.json --policy POLICY.json --key KEY.json [--reason TEXT] [--policy-out FILE]
  vigie check-email FILE.eml|.html|.txt [--policy FILE] [--grant FILE | --local N --local-name NAME]

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
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
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
