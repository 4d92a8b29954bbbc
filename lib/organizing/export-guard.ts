import { GUARD_STRINGS } from '../guard/strings';
import type { GuardSession } from '../guard/session';
import { sendToBackground } from '../messaging/client';
import { exportControlOf } from './export-controls';
import { goesAhead, recordAllowed, settle, stopEvent } from './settle';

/**
 * Clicks (any button, so a middle-click "open in new tab" too) and keyboard activation of export
 * controls, caught on `window` in the capture phase, before the page's own listeners or the
 * browser's link handling. Allowed → goes on untouched (and logged); otherwise stopped, and the
 * policy's dialog decides. After an override the background is told first, so the download the
 * click starts is not held a second time, then the click is replayed on the same control.
 */
export function installExportGuard(session: GuardSession, platformSelectors: readonly string[], signal: AbortSignal): void {
  let replaying: Element | undefined;
  /** A control whose keydown was just allowed: its following click is the same activation. */
  let justAllowed: Element | undefined;

  const activate = (event: Event, control: Element): void => {
    if (replaying === control) {
      replaying = undefined;
      return;
    }
    if (justAllowed === control && event.type === 'click') {
      justAllowed = undefined;
      return;
    }
    const decision = session.decide({ surface: 'export-click' });
    if (decision && goesAhead(decision)) {
      recordAllowed(session, decision, { surface: 'export-click' });
      if (event.type === 'keydown') justAllowed = control;
      return;
    }
    stopEvent(event);
    void (async () => {
      await session.ready();
      const final = decision ?? session.decide({ surface: 'export-click' });
      if (!final) return; // no policy could be read: the export stays stopped
      if (goesAhead(final)) {
        recordAllowed(session, final, { surface: 'export-click' });
        return replay(control);
      }
      const settled = await settle(session, final, { surface: 'export-click' }, { overrideLabel: GUARD_STRINGS.exportAnyway });
      if (!settled.go) return;
      const approved = await sendToBackground({ type: 'export-approved', justification: settled.justification ?? '' }).catch(() => undefined);
      if (approved?.ok) replay(control);
    })();
  };

  const replay = (control: Element) => {
    replaying = control;
    (control as HTMLElement).click();
    replaying = undefined;
  };

  const onClick = (event: MouseEvent) => {
    const control = exportControlOf(event.target, platformSelectors);
    if (control) activate(event, control);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.isComposing || (event.key !== 'Enter' && event.key !== ' ')) return;
    const control = exportControlOf(event.target, platformSelectors);
    // Space activates buttons, not links; Enter activates both.
    if (control && (event.key === 'Enter' || !(control instanceof HTMLAnchorElement))) activate(event, control);
  };
  const options = { capture: true, signal };
  window.addEventListener('click', onClick, options);
  window.addEventListener('auxclick', onClick, options);
  window.addEventListener('keydown', onKey, options);
}
