import { fill, type Bilingual } from '../core/lang';
import type { GuardSession } from '../guard/session';
import { GUARD_STRINGS } from '../guard/strings';
import type { EmailStepAdapter } from '../platforms/types';
import { approvedOption, checkEmailStep } from './email-step-check';
import { filled } from './prompt';
import { goesAhead, recordAllowed, settle, stopEvent } from './settle';
import { ORGANIZING_STRINGS } from './strings';

const USE_WRAPPER = 'use-approved-wrapper';

/**
 * The mass-email send step (Action Network's preview page): Send and Schedule, clicked or
 * activated from the keyboard, are checked before the page acts: approved wrapper or notice in the
 * preview, and the local named at the start. A failing email gets the policy's dialog, with a
 * one-click "use the approved wrapper" when the chooser offers one.
 */
export function installEmailStepGuard(session: GuardSession, step: EmailStepAdapter, signal: AbortSignal): void {
  let replaying: Element | undefined;

  const evaluate = () => {
    const ctx = session.current;
    if (!ctx) return undefined;
    const view = step.read(document);
    const findings = checkEmailStep(view, ctx.policy, ctx.platform, ctx.grant?.section);
    const decision = session.decide({ surface: 'send', findings });
    return decision && { ctx, view, findings, decision };
  };

  const activate = (event: Event, control: HTMLElement) => {
    if (replaying === control) {
      replaying = undefined;
      return;
    }
    if (!step.isSendStep(document)) return;
    const now = evaluate();
    if (now && goesAhead(now.decision)) return recordAllowed(session, now.decision, { surface: 'send', findings: now.findings });
    stopEvent(event);
    void resolve(control);
  };

  const resolve = async (control: HTMLElement) => {
    await session.ready();
    const now = evaluate();
    if (!now) return;
    const { ctx, view, findings, decision } = now;
    if (goesAhead(decision)) {
      recordAllowed(session, decision, { surface: 'send', findings });
      return replay(control);
    }
    const option = findings.some((f) => f.startsWith('notice-')) ? approvedOption(view, ctx.policy, ctx.platform) : undefined;
    const approved = ctx.policy.platforms.find((p) => p.id === ctx.platform)?.approvedTemplates ?? [];
    const settled = await settle(session, decision, { surface: 'send', findings }, {
      overrideLabel: GUARD_STRINGS.sendAnyway,
      fixes: option ? [{ id: USE_WRAPPER, label: filled('useWrapper', { name: option }) }] : [],
      notes: [wrapperNote(view.wrapper, approved)],
    });
    if (settled.go) return replay(control);
    if (!('fix' in settled) || settled.fix !== USE_WRAPPER || !option) return;
    // The fix switches the wrapper and stops there: the person sees the new preview and presses
    // Send again themselves, checked again then. A fix never sends to a list by itself.
    step.chooseWrapper(document, option);
    await session.log({ surface: 'send', action: 'fixed', findings, detail: 'wrapper' });
  };

  const replay = (control: HTMLElement) => {
    replaying = control;
    control.click();
    replaying = undefined;
  };

  const onClick = (event: MouseEvent) => {
    const control = event.target instanceof Element ? step.sendControl(event.target) : undefined;
    if (control) activate(event, control);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.isComposing || (event.key !== 'Enter' && event.key !== ' ')) return;
    const control = event.target instanceof Element ? step.sendControl(event.target) : undefined;
    if (control) activate(event, control);
  };
  window.addEventListener('click', onClick, { capture: true, signal });
  window.addEventListener('keydown', onKey, { capture: true, signal });
}

function wrapperNote(chosen: string | undefined, approved: readonly string[]): Bilingual {
  const none = ORGANIZING_STRINGS.noWrapper;
  const line = (lang: 'fr' | 'en') => fill(ORGANIZING_STRINGS.wrapperChosen, { name: chosen ?? none[lang], approved: approved.length ? approved.join(', ') : none[lang] })[lang];
  return { fr: line('fr'), en: line('en') };
}
