import type { Decision } from '../core/decide';
import { fill, type Bilingual } from '../core/lang';
import { dialogForDecision } from '../guard/decision-dialog';
import { showGuardDialog, type DialogFix, type DialogResult } from '../guard/dialog';
import type { GuardContext } from '../guard/context-types';
import { GUARD_STRINGS, type GuardStringKey } from '../guard/strings';

/** Dialogs shown one after the other: a held download arriving while a click's dialog is open waits. */
let queue: Promise<unknown> = Promise.resolve();

export interface PromptOptions {
  overrideLabel?: Bilingual;
  fixes?: DialogFix[];
  /** Extra lines under the reasons (what was held, the counts), shown before the contact. */
  notes?: Bilingual[];
  signal?: AbortSignal;
}

/** Shows the policy's dialog for a decision that stops an action, once the dialogs before it closed. */
export function promptDecision(decision: Decision, ctx: GuardContext, options: PromptOptions = {}): Promise<DialogResult> {
  const spec = dialogForDecision(decision, ctx.policy, ctx.lang, { overrideLabel: options.overrideLabel, fixes: options.fixes });
  const withNotes = { ...spec, notes: [...(options.notes ?? []), ...(spec.notes ?? [])] };
  const next = queue.then(() => (options.signal?.aborted ? ({ choice: 'cancel' } as const) : showGuardDialog(withNotes, options.signal)));
  queue = next.catch(() => undefined);
  return next;
}

/** A guard string with its placeholders filled in both languages. */
export function filled(key: GuardStringKey, values: Record<string, string | number>): Bilingual {
  return fill(GUARD_STRINGS[key], values);
}
