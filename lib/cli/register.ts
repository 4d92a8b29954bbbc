import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Grant } from '../core/grant';
import { describeIssues } from '../core/errors';
import { args, type Io } from './main';
import { UsageError, writeOut } from './io';
import { revokeInPolicy } from './policy-commands';

/**
 * The register of granted accesses the issuing officer keeps (the party's policy asks the Chair of
 * the Communications Commission to keep "une liste de tous les accès ainsi octroyés"): one entry
 * per grant issued, marked when revoked. It lives on the officer's machine, never in the extension.
 */
const Entry = z.object({
  id: z.string(),
  holder: z.object({ name: z.string(), email: z.string() }),
  role: z.string(),
  clearance: z.string().optional(),
  task: z.object({ description: z.string(), endsAt: z.string() }).optional(),
  section: z.string().optional(),
  platforms: z.array(z.string()),
  issuedAt: z.string(),
  expiresAt: z.string(),
  signedBy: z.string(),
  revokedAt: z.string().optional(),
  revokedReason: z.string().optional(),
});
export type RegisterEntry = z.infer<typeof Entry>;

const RegisterFile = z.object({ schema: z.literal('vigie.register/1'), organisation: z.string(), entries: z.array(Entry) });
type RegisterFile = z.infer<typeof RegisterFile>;

export async function readRegister(path: string, organisation?: string): Promise<RegisterFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && organisation) return { schema: 'vigie.register/1', organisation, entries: [] };
    throw new UsageError(`cannot read register ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`register ${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = RegisterFile.safeParse(value);
  if (!parsed.success) throw new UsageError(`register ${path}: ${describeIssues(parsed.error).join('; ')}`);
  if (organisation && parsed.data.organisation !== organisation) {
    throw new UsageError(`register ${path} belongs to "${parsed.data.organisation}", not "${organisation}"`);
  }
  return parsed.data;
}

async function saveRegister(path: string, register: RegisterFile): Promise<void> {
  await writeFile(path, `${JSON.stringify(register, null, 2)}\n`, { mode: 0o600 });
}

/** Adds an issued grant to the register (called by `grant issue --register`). */
export async function recordIssued(path: string, grant: Grant, signedBy: string): Promise<void> {
  const register = await readRegister(path, grant.organisation);
  if (register.entries.some((e) => e.id === grant.id)) throw new UsageError(`grant ${grant.id} is already in ${path}`);
  register.entries.push({
    id: grant.id,
    holder: grant.holder,
    role: grant.role,
    clearance: grant.clearance,
    task: grant.task,
    section: grant.section?.number,
    platforms: grant.platforms,
    issuedAt: grant.issuedAt,
    expiresAt: grant.expiresAt,
    signedBy,
  });
  await saveRegister(path, register);
}

/** An entry's state at `now`: revoked, ended (expiry or task end), or active. */
export function entryState(entry: RegisterEntry, now: Date): 'active' | 'ended' | 'revoked' {
  if (entry.revokedAt) return 'revoked';
  const end = Math.min(Date.parse(entry.expiresAt), entry.task ? Date.parse(entry.task.endsAt) : Infinity);
  return end <= now.getTime() ? 'ended' : 'active';
}

const CSV_COLUMNS = ['id', 'state', 'holder_name', 'holder_email', 'role', 'clearance', 'task', 'task_ends', 'section', 'platforms', 'issued_at', 'expires_at', 'signed_by', 'revoked_at', 'revoked_reason'] as const;

/** RFC 4180 CSV; a cell starting with = + - @ is prefixed with ' so a spreadsheet never runs it. */
export function registerCsv(entries: readonly RegisterEntry[], now: Date): string {
  const cell = (value: string | undefined): string => {
    let v = value ?? '';
    if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const rows = entries.map((e) =>
    [e.id, entryState(e, now), e.holder.name, e.holder.email, e.role, e.clearance, e.task?.description, e.task?.endsAt, e.section, e.platforms.join(' '), e.issuedAt, e.expiresAt, e.signedBy, e.revokedAt, e.revokedReason]
      .map(cell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export async function registerCommand(argv: string[], io: Io, now = new Date()): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = args(rest, {
    register: { type: 'string' },
    all: { type: 'boolean' },
    out: { type: 'string' },
    policy: { type: 'string' },
    key: { type: 'string' },
    reason: { type: 'string' },
    'policy-out': { type: 'string' },
  });
  const path = values.register as string | undefined;
  if (!path) throw new UsageError('say which register with --register FILE');
  switch (sub) {
    case 'list': {
      const register = await readRegister(path);
      const shown = register.entries.filter((e) => values.all || entryState(e, now) === 'active');
      io.stdout(`${JSON.stringify(shown.map((e) => ({ ...e, state: entryState(e, now) })), null, 2)}\n`);
      return 0;
    }
    case 'export': {
      const register = await readRegister(path);
      await writeOut(values.out as string | undefined, registerCsv(register.entries, now), io.stdout);
      return 0;
    }
    case 'revoke': {
      const [id] = positionals;
      if (!id || !values.policy || !values.key) throw new UsageError('usage: vigie register revoke GRANT-ID --register REG.json --policy POLICY.json --key KEY.json [--reason TEXT] [--policy-out FILE]');
      const register = await readRegister(path);
      const entry = register.entries.find((e) => e.id === id);
      if (!entry) throw new UsageError(`grant ${id} is not in ${path}`);
      // Sign the new policy first: a register that says "revoked" while no policy does would mislead.
      await revokeInPolicy(id, values.policy as string, values.key as string, values['policy-out'] as string | undefined, io);
      entry.revokedAt ??= now.toISOString();
      if (values.reason) entry.revokedReason = values.reason as string;
      await saveRegister(path, register);
      return 0;
    }
    default:
      throw new UsageError('usage: vigie register list|export|revoke --register FILE …');
  }
}
