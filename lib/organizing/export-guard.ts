import type { GuardSession } from '../guard/session';
import { sendToBackground } from '../messaging/client';
import { exportControlOf } from './export-controls';
import { goesAhead, recordAllowed, settle, stopEvent } from './settle';
import type { OrganizingAdapter } from '../platforms/types';
import { ORGANIZING_STRINGS } from './strings';

function isSavePage(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's';
}

/** Enter clicks at once; Space clicks on key up: a click this soon after an allowed key is that key's. */
const KEY_CLICK_MS = 1_000;

/**
 * Clicks (any button, so a middle-click "open in new tab" too) and keyboard activation of export
 * controls, caught on `window` in the capture phase, before the page's own listeners or the
 * browser's link handling. Allowed → goes on untouched (and logged); otherwise stopped, and the
 * policy's dialog decides. After an override the background is told first, so the download the
 * click starts is not held a second time, then the click is replayed on the same control.
 */
export function installExportGuard(session: GuardSession, platform: Pick<OrganizingAdapter, 'exportSelectors'>, signal: AbortSignal): void {
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
      const settled = await settle(session, final, { surface: 'export-click' }, { overrideLabel: ORGANIZING_STRINGS.exportAnyway });
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
    const control = exportControlOf(event.target, platform.exportSelectors);
    if (control) activate(event, control);
  };
  const onKey = (event: KeyboardEvent) => {
    if (isSavePage(event)) return savePage(event);
    if (event.isComposing || (event.key !== 'Enter' && event.key !== ' ')) return;
    const control = exportControlOf(event.target, platform.exportSelectors);
    // Space activates buttons, not links; Enter activates both.
    if (control && (event.key === 'Enter' || !(control instanceof HTMLAnchorElement))) activate(event, control);
  };
  /** After a justified override, the next Ctrl/Cmd+S (within a minute) is the one it allowed. */
  let saveApprovedUntil = 0;

  /** Ctrl/Cmd+S saves the page, its member list included, to disk: an export like any other. */
  const savePage = (event: KeyboardEvent) => {
    if (event.timeStamp < saveApprovedUntil) {
      saveApprovedUntil = 0;
      return;
    }
    const decision = session.decide({ surface: 'export-click' });
    if (decision && goesAhead(decision)) return recordAllowed(session, decision, { surface: 'export-click', detail: 'save-page' });
    stopEvent(event);
    void (async () => {
      await session.ready();
      const final = decision ?? session.decide({ surface: 'export-click' });
      if (!final) return;
      if (goesAhead(final)) return recordAllowed(session, final, { surface: 'export-click', detail: 'save-page' });
      // Even a justified override cannot reopen the browser's Save dialog: the person presses Ctrl+S again.
      const settled = await settle(session, final, { surface: 'export-click', detail: 'save-page' }, {
        notes: final.verdict === 'warn' && final.override.allowed ? [ORGANIZING_STRINGS.savePageAgain] : [],
      });
      if (settled.go) saveApprovedUntil = performance.now() + 60_000;
    })();
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
  const settled = await settle(session, decision, what, { overrideLabel: ORGANIZING_STRINGS.downloadAnyway });
  return settled.go ? 'allow' : 'block';
}
