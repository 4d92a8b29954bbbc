import { GUARD_STRINGS } from '../guard/strings';
import type { GuardSession } from '../guard/session';
import { sendToBackground } from '../messaging/client';
import { exportControlOf } from './export-controls';
import { goesAhead, recordAllowed, settle, stopEvent } from './settle';

/** Enter clicks at once; Space clicks on key up: a click this soon after an allowed key is that key's. */
const KEY_CLICK_MS = 1_000;

/**
 * Clicks (any button, so a middle-click "open in new tab" too) and keyboard activation of export
 * controls, caught on `window` in the capture phase, before the page's own listeners or the
 * browser's link handling. Allowed → goes on untouched (and logged); otherwise stopped, and the
 * policy's dialog decides. After an override the background is told first, so the download the
 * click starts is not held a second time, then the click is replayed on the same control.
 */
export function installExportGuard(session: GuardSession, platformSelectors: readonly string[], signal: AbortSignal): void {
  let replaying: Element | undefined;
  /** A control whose keydown was just allowed: the click the key produces is the same activation. */
  let justAllowed: { control: Element; until: number } | undefined;

  const activate = (event: Event, control: Element): void => {
    if (replaying === control) {
      replaying = undefined;
      return;
    }
    if (event.type === 'click' && justAllowed?.control === control && event.timeStamp <= justAllowed.until) {
      justAllowed = undefined;
      return;
    }
    const decision = session.decide({ surface: 'export-click' });
    if (decision && goesAhead(decision)) {
      recordAllowed(session, decision, { surface: 'export-click' });
      if (event.type === 'keydown') justAllowed = { control, until: event.timeStamp + KEY_CLICK_MS };
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

/**
 * The page asked to write a file itself (`showSaveFilePicker`, reported by the page-world hooks):
 * decided as a download, since the downloads backstop will never see it.
 */
export async function decidePageSave(session: GuardSession, pending: () => void): Promise<'allow' | 'block'> {
  pending();
  await session.ready();
  const decision = session.decide({ surface: 'download' });
  if (!decision) return 'block';
  const what = { surface: 'download' as const, detail: 'save-file-picker' };
  if (goesAhead(decision)) {
    recordAllowed(session, decision, what);
    return 'allow';
  }
  const settled = await settle(session, decision, what, { overrideLabel: GUARD_STRINGS.downloadAnyway });
  return settled.go ? 'allow' : 'block';
}
