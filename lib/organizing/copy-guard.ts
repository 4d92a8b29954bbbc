import type { Counts, Decision } from '../core/decide';
import { countMemberData, maxCounts } from '../core/member-counts';
import type { GuardSession } from '../guard/session';
import { GUARD_STRINGS } from '../guard/strings';
import { htmlText, selectionCounts } from './member-data-dom';
import { filled } from './prompt';
import { goesAhead, recordAllowed, settle, stopEvent } from './settle';

const NOTHING = (c: Counts) => c.emails === 0 && c.phones === 0 && c.rows === 0;

/**
 * Copies and cuts of member data. Two listeners: one in the capture phase on `window`, for what the
 * person selected, before the page sees the event; one in the bubble phase, for what a page's own
 * copy handler put on the clipboard instead (`clipboardData.setData`, as "copy" buttons built on
 * `execCommand('copy')` do). Above the policy's threshold the copy is stopped (the clipboard gets
 * nothing) and the dialog decides; on an override the text is written to the clipboard by Vigie.
 * A selection dragged out of the page is decided the same way. A copy carrying no address,
 * number or row is not decided at all: that is not member data.
 */
export function installCopyGuard(session: GuardSession, signal: AbortSignal): void {
  const handled = new WeakSet<Event>();

  const onSelectionCopy = (event: ClipboardEvent) => {
    const { text, counts } = selectionCounts(document);
    if (NOTHING(counts)) return;
    handled.add(event);
    const decision = session.decide({ surface: 'copy', counts });
    if (decision && goesAhead(decision)) return recordAllowed(session, decision, { surface: 'copy', counts });
    stopEvent(event);
    event.clipboardData?.setData('text/plain', '');
    void decideLater(decision, text, counts);
  };

  const onPageCopy = (event: ClipboardEvent) => {
    if (handled.has(event) || !event.defaultPrevented || !event.clipboardData) return;
    const plain = event.clipboardData.getData('text/plain');
    const html = event.clipboardData.getData('text/html');
    const counts = maxCounts(countMemberData(plain), html ? countMemberData(htmlText(html)) : {});
    if (NOTHING(counts)) return;
    const decision = session.decide({ surface: 'copy', counts });
    if (decision && goesAhead(decision)) return recordAllowed(session, decision, { surface: 'copy', counts, detail: 'page-copy' });
    event.clipboardData.clearData();
    event.clipboardData.setData('text/plain', '');
    void decideLater(decision, plain || htmlText(html), counts, 'page-copy');
  };

  /** After the copy was stopped: the dialog, and on an override the copy Vigie makes itself. */
  const decideLater = async (decision: Decision | undefined, text: string, counts: Counts, detail?: string) => {
    await session.ready();
    const final = decision ?? session.decide({ surface: 'copy', counts });
    if (!final) return;
    if (goesAhead(final)) {
      recordAllowed(session, final, { surface: 'copy', counts, detail });
      return navigator.clipboard.writeText(text).catch(() => undefined);
    }
    const settled = await settle(session, final, { surface: 'copy', counts, detail }, { overrideLabel: GUARD_STRINGS.copyAnyway, notes: [filled('copyCounts', { ...counts })] });
    if (settled.go) await navigator.clipboard.writeText(text).catch(() => undefined);
  };

  /** Dragging a selection out (to a spreadsheet, a desktop file) carries it like a copy. */
  const onDrag = (event: DragEvent) => {
    if (document.getSelection()?.isCollapsed !== false) return;
    const { text, counts } = selectionCounts(document);
    if (NOTHING(counts)) return;
    const decision = session.decide({ surface: 'copy', counts });
    if (decision && goesAhead(decision)) return recordAllowed(session, decision, { surface: 'copy', counts, detail: 'drag' });
    stopEvent(event);
    void decideLater(decision, text, counts, 'drag');
  };

  for (const type of ['copy', 'cut'] as const) {
    window.addEventListener(type, onSelectionCopy, { capture: true, signal });
    window.addEventListener(type, onPageCopy, { signal });
  }
  window.addEventListener('dragstart', onDrag, { capture: true, signal });
}

/**
 * A clipboard write the page itself makes (`navigator.clipboard.writeText`/`write`, reported by the
 * page-world hooks): decided like a copy; `allow` lets the page's write go on.
 */
export async function decidePageClipboard(session: GuardSession, text: string, html: string | undefined, pending: () => void): Promise<'allow' | 'block'> {
  const counts = maxCounts(countMemberData(text), html ? countMemberData(htmlText(html)) : {});
  if (NOTHING(counts)) return 'allow';
  if (!session.current) pending(); // the policy is still on its way: the page must not give up meanwhile
  await session.ready();
  const decision = session.decide({ surface: 'copy', counts });
  if (!decision) return 'block';
  const what = { surface: 'copy' as const, counts, detail: 'clipboard-api' };
  if (goesAhead(decision)) {
    recordAllowed(session, decision, what);
    return 'allow';
  }
  pending();
  const settled = await settle(session, decision, what, { overrideLabel: GUARD_STRINGS.copyAnyway, notes: [filled('copyCounts', { ...counts })] });
  return settled.go ? 'allow' : 'block';
}
