import { parseArgs } from 'node:util';
import { checkEmail, type CheckContext } from '../core/email/check-email';
import { InvalidDocumentError } from '../core/errors';
import { parseGrant } from '../core/grant';
import { hasEmailRules } from '../core/email-rules';
import { parsePolicy, type Policy } from '../core/policy';
import { readEnvelope, SignatureRefusal } from '../core/signature';
import { DEFAULT_POLICY } from '../packs';
import { BadEmailFile, readEmailFile } from './eml-input';

export interface CheckEmailIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
}

const USAGE = 'usage: vigie check-email <file.eml|.html|.txt> [--policy FILE] [--grant FILE | --local NUMBER [--local-name NAME]]';

/** Bad command line or input: one line on stderr, exit code 2. */
class InputError extends Error {}

/**
 * `vigie check-email`: runs the extension's send check on a saved email and prints the findings as
 * JSON. Exit 0 compliant, 1 findings, 2 bad input. An .eml is checked when its sender is a
 * local-section account (or with --local, for every sender); a bare .html or .txt body has no
 * sender, so it is always checked: whoever runs the command on it wants it checked.
 */
export async function checkEmailCommand(args: string[], io: CheckEmailIo): Promise<number> {
  try {
    const opts = parseOptions(args);
    const policy = opts.policy ? await loadPolicy(opts.policy, io) : DEFAULT_POLICY;
    const ctx: CheckContext = opts.grant ? await loadGrant(opts.grant, io) : {};
    if (opts.local) {
      ctx.section = { number: opts.local, ...(opts.localName ? { name: { fr: opts.localName, en: opts.localName } } : {}) };
      ctx.everySenderInScope = true;
    }
    const file = await readEmailFile(opts.file, await read(opts.file, io));
    if (!file.senderKnown) ctx.everySenderInScope = true;
    const result = checkEmail(file.input, policy, ctx);
    const findings = result.findings.map(({ rule, clause, message, terms }) => ({ rule, clause, message, ...(terms ? { terms } : {}) }));
    io.stdout(`${JSON.stringify({ compliant: result.compliant, inScope: result.inScope, findings }, null, 2)}\n`);
    return result.compliant ? 0 : 1;
  } catch (error) {
    if (!(error instanceof InputError || error instanceof BadEmailFile || isParseArgsError(error))) throw error;
    io.stderr(`vigie check-email: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  }
}

interface Options {
  file: string;
  policy?: string;
  grant?: string;
  local?: string;
  localName?: string;
}

function parseOptions(args: string[]): Options {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { policy: { type: 'string' }, grant: { type: 'string' }, local: { type: 'string' }, 'local-name': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new InputError(`expected one email file. ${USAGE}`);
  if (values.grant && values.local) throw new InputError(`use --grant or --local, not both. ${USAGE}`);
  if (values['local-name'] && !values.local) throw new InputError(`--local-name needs --local NUMBER. ${USAGE}`);
  if (values.local !== undefined && !/^[0-9A-Za-z-]{1,12}$/.test(values.local)) {
    throw new InputError(`--local expects a section number such as 70, got "${values.local}"`);
  }
  return { file: positionals[0]!, policy: values.policy, grant: values.grant, local: values.local, localName: values['local-name'] };
}

async function read(path: string, io: CheckEmailIo): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as { code?: string }).code ?? String(error)}`);
  }
}

async function readUtf8(path: string, io: CheckEmailIo): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await read(path, io));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path} is not UTF-8 text`);
  }
}

/** A plain policy document or a signed envelope, whose payload is used: verifying it is `vigie policy verify`'s job. */
async function loadPolicy(path: string, io: CheckEmailIo): Promise<Policy> {
  let value: unknown;
  try {
    value = JSON.parse(await readUtf8(path, io));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const envelope = value as { vigie?: unknown; kind?: unknown; payload?: unknown };
  if (envelope?.vigie === 'signed/1' && envelope.kind !== 'policy') throw new InputError(`${path} is a signed ${String(envelope.kind)}, not a policy`);
  let policy: Policy;
  try {
    policy = parsePolicy(envelope?.vigie === 'signed/1' ? envelope.payload : value);
  } catch (error) {
    if (error instanceof InvalidDocumentError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
  if (!hasEmailRules(policy)) throw new InputError(`${path}: policy ${policy.id} has no email rules (notice, localIdentification) to check against`);
  return policy;
}

/**
 * The section and accounts of a grant (JSON envelope or `vigie1.` token). The signature is NOT
 * verified here: this command only needs to know which section the sender writes for, and the
 * grant's authenticity is `vigie grant verify`'s job (and the extension's, when it stores one).
 */
async function loadGrant(path: string, io: CheckEmailIo): Promise<CheckContext> {
  try {
    const envelope = readEnvelope(await readUtf8(path, io));
    if (envelope.kind !== 'grant') throw new InputError(`${path} is a signed ${envelope.kind}, not a grant`);
    const section = parseGrant(envelope.payload).section;
    if (!section) return {};
    return { section: { number: section.number, name: section.name }, grantAccounts: section.accounts };
  } catch (error) {
    if (error instanceof SignatureRefusal || error instanceof InvalidDocumentError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS');
}
