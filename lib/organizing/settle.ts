import type { Counts, Decision } from '../core/decide';
import type { Bilingual } from '../core/lang';
import type { FindingId } from '../core/policy';
import type { DialogFix } from '../guard/dialog';
import { decisionFields, type GuardSession } from '../guard/session';
import { showAuthorizationNotice } from './authorization-notice';
import { promptDecision } from './prompt';

export type GuardedSurface = 'download' | 'export-click' | 'copy' | 'print' | 'send' | 'share' | 'publish';

/** Whether a decision lets the action go on without asking (audit only records). */
export function goesAhead(decision: Decision): boolean {
  return decision.verdict === 'allow' || decision.verdict === 'audit';
}

interface What {
  surface: GuardedSurface;
  counts?: Counts;
  findings?: FindingId[];
  detail?: string;
}

/**
 * Logs a decision that lets the action go on, and says so in the page when a written export
 * authorization is what allowed it.
 */
export function recordAllowed(session: GuardSession, decision: Decision, what: What): void {
  const authorization = decision.authorization;
  const ctx = session.current;
  if (authorization && ctx) showAuthorizationNotice(authorization, ctx.lang);
  const detail = [what.detail, authorization ? `authorization=${authorization.reference}` : undefined].filter(Boolean).join(' ') || undefined;
  void session.log({ surface: what.surface, action: 'decided', ...decisionFields(decision), counts: what.counts, findings: what.findings, detail });
}

export type Settled = { go: true; justification?: string } | { go: false } | { go: false; fix: string };

/**
 * The person's answer to a decision that stopped an action: the dialog citing the policy, then
 * `go` only on an override the decision allows (the dialog already required the justification
 * where the policy does). Every step is logged with counts, never the data.
 */
export async function settle(
  session: GuardSession,
  decision: Decision,
  what: What,
  options: { overrideLabel?: Bilingual; notes?: Bilingual[]; fixes?: DialogFix[] } = {},
): Promise<Settled> {
  const ctx = session.current;
  const base = { surface: what.surface, ...decisionFields(decision), counts: what.counts, findings: what.findings };
  await session.log({ ...base, action: 'decided', detail: what.detail });
  if (!ctx) return { go: false };
  const result = await promptDecision(decision, ctx, { ...options, surface: what.surface });
  if (result.choice === 'override' && decision.override.allowed && decision.verdict === 'warn') {
    await session.log({ ...base, action: 'overridden', justification: result.justification || undefined });
    return { go: true, justification: result.justification };
  }
  if (result.choice === 'fix') return { go: false, fix: result.id };
  if (decision.override.allowed) await session.log({ ...base, action: 'cancelled' });
  return { go: false };
}

/** Stops an event before the page (or the browser) acts on it. */
export function stopEvent(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}
