import type { Decision } from '../core/decide';
import { fill, type Bilingual } from '../core/lang';
import { dialogForDecision } from '../guard/decision-dialog';
import { showGuardDialog, type DialogFix, type DialogResult } from '../guard/dialog';
import type { GuardContext } from '../guard/context-types';
import { authorizationRequester } from '../guard/request';
import type { Surface } from '../core/policy';
import { ORGANIZING_STRINGS, type OrganizingStringKey } from './strings';

/** Dialogs shown one after the other: a held download arriving while a click's dialog is open waits. */
let queue: Promise<unknown> = Promise.resolve();

export interface PromptOptions {
  overrideLabel?: Bilingual;
  fixes?: DialogFix[];
  /** Extra lines under the reasons (what was held, the counts), shown before the contact. */
  notes?: Bilingual[];
  signal?: AbortSignal;
  /** The surface decided: its predefined override reasons, and on a block "Request an authorization". */
  surface?: Surface;
}

/** Shows the policy's dialog for a decision that stops an action, once the dialogs before it closed. */
export function promptDecision(decision: Decision, ctx: GuardContext, options: PromptOptions = {}): Promise<DialogResult> {
  const surface = options.surface;
  // Asking for an authorization makes sense where one could allow the action: not for an email's wording.
  const requestAuthorization = surface && surface !== 'send' ? authorizationRequester(surface) : undefined;
  const spec = dialogForDecision(decision, ctx.policy, ctx.lang, { overrideLabel: options.overrideLabel, fixes: options.fixes, surface, requestAuthorization });
  const withNotes = { ...spec, notes: [...(options.notes ?? []), ...expiredAuthorizations(decision, ctx), ...(spec.notes ?? [])] };
  const next = queue.then(() => (options.signal?.aborted ? ({ choice: 'cancel' } as const) : showGuardDialog(withNotes, options.signal)));
  queue = next.catch(() => undefined);
  return next;
}

/** An organizing guard's string with its placeholders filled in both languages. */
export function filled(key: OrganizingStringKey, values: Record<string, string | number>): Bilingual {
  return fill(ORGANIZING_STRINGS[key], values);
}

/** On a block, the person's export authorizations for this platform that have expired, each named with its date. */
function expiredAuthorizations(decision: Decision, ctx: GuardContext, now = Date.now()): Bilingual[] {
  if (decision.verdict !== 'block' || !ctx.grant) return [];
  const day = (lang: 'fr' | 'en', iso: string) => new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' }).format(new Date(iso));
  return ctx.grant.exportAuthorizations
    .filter((a) => a.platform === ctx.platform && Date.parse(a.expires) <= now)
    .map((a) => ({
      fr: fill(ORGANIZING_STRINGS.expiredAuthorization, { reference: a.reference, purpose: a.purpose, date: day('fr', a.expires) }).fr,
      en: fill(ORGANIZING_STRINGS.expiredAuthorization, { reference: a.reference, purpose: a.purpose, date: day('en', a.expires) }).en,
    }));
}
