import type { Counts, Decision } from '../core/decide';
import { fill } from '../core/lang';
import { countMemberData, maxCounts } from '../core/member-counts';
import type { GuardSession } from '../guard/session';
import { htmlCounts, pageCounts, selectionCounts } from './member-data-dom';
import { filled } from './prompt';
import { goesAhead, recordAllowed, settle, stopEvent } from './settle';
import { ORGANIZING_STRINGS } from './strings';

const NOTHING = (c: Counts) => c.emails === 0 && c.phones === 0 && c.rows === 0;

/** What a copy carries, as the dialog and the log need it. */
interface Carried {
  counts: Counts;
  /** False when counting stopped early: the counts are "at least". */
  complete?: boolean;
  /** Data of a type no count reads (an image) on a page showing member data. */
  other?: boolean;
  /** The text Vigie writes itself after an override (undefined: nothing to write). */
  text?: () => string;
  detail?: string;
}

/**
 * Copies, cuts and drags of member data, in the frame where they happen. Three views:
 * - the selection, measured in the capture phase on `window` before the page sees the event;
 * - what the page itself puts on the clipboard or drag data (`setData`, `items.add`), reported
 *   synchronously by the page-world hooks as it is written, so no page listener can skip it
 *   (decideTransfer below);
 * - a bubble-phase look at the clipboard data, for a frame whose page-world hooks are missing.
 * Above the policy's threshold the copy carries nothing and the dialog decides; on an override
 * the text is written to the clipboard by Vigie. A copy carrying no address, number or row is not
 * decided at all: that is not member data.
 */
export function installCopyGuard(session: GuardSession, signal: AbortSignal): void {
  const handled = new WeakSet<Event>();

  const onSelectionCopy = (event: ClipboardEvent) => {
    const measure = selectionCounts(document, session.current?.policy.copyThreshold);
    if (NOTHING(measure.counts)) return;
    handled.add(event);
    const carried: Carried = { counts: measure.counts, complete: measure.complete, text: measure.text };
    if (allowNow(session, carried)) return;
    stopEvent(event);
    event.clipboardData?.setData('text/plain', '');
    void decideLater(session, carried);
  };

  const onPageCopy = (event: ClipboardEvent) => {
    if (handled.has(event) || !event.defaultPrevented || !event.clipboardData) return;
    const plain = event.clipboardData.getData('text/plain');
    const html = event.clipboardData.getData('text/html');
    const carried = transferCarried(session, { text: plain, html, other: false, detail: 'page-copy' });
    if (NOTHING(carried.counts) || allowNow(session, carried)) return;
    event.clipboardData.clearData();
    event.clipboardData.setData('text/plain', '');
    void decideLater(session, carried);
  };

  /** Dragging a selection out (to a spreadsheet, a desktop file) carries it like a copy. */
  const onDrag = (event: DragEvent) => {
    if (document.getSelection()?.isCollapsed !== false) return;
    const measure = selectionCounts(document, session.current?.policy.copyThreshold);
    if (NOTHING(measure.counts)) return;
    const carried: Carried = { counts: measure.counts, complete: measure.complete, text: measure.text, detail: 'drag' };
    if (allowNow(session, carried)) return;
    stopEvent(event);
    void decideLater(session, carried);
  };

  for (const type of ['copy', 'cut'] as const) {
    window.addEventListener(type, onSelectionCopy, { capture: true, signal });
    window.addEventListener(type, onPageCopy, { signal });
  }
  window.addEventListener('dragstart', onDrag, { capture: true, signal });
}

/** What the page writes to a copy's or drag's data, as the page-world hooks report it. */
export interface Transfer {
  text: string;
  html?: string;
  /** Some of it is of a type no count reads (an image, a file, an unknown format). */
  other: boolean;
  detail: 'page-copy' | 'drag' | 'clipboard-api';
}

/**
 * Decided synchronously, while the page's copy or drag handler runs: `block` makes the hooks
 * empty that data transfer (the clipboard or the drag gets nothing), and the dialog follows.
 */
export function decideTransfer(session: GuardSession, transfer: Transfer): 'allow' | 'block' {
  const carried = transferCarried(session, transfer);
  if (NOTHING(carried.counts) || allowNow(session, carried)) return 'allow';
  void decideLater(session, carried);
  return 'block';
}

/**
 * A clipboard write the page makes through `navigator.clipboard` (asked by the page-world hooks
 * before the write happens): decided like a copy; `allow` lets the page's write go on.
 */
export async function decidePageClipboard(session: GuardSession, transfer: Transfer, pending: () => void): Promise<'allow' | 'block'> {
  if (!session.current) pending(); // the policy is still on its way: the page must not give up meanwhile
  await session.ready();
  const carried = transferCarried(session, transfer);
  if (NOTHING(carried.counts)) return 'allow';
  const decision = session.decide({ surface: 'copy', counts: carried.counts });
  if (!decision) return 'block';
  if (goesAhead(decision)) {
    recordAllowed(session, decision, { surface: 'copy', counts: carried.counts, detail: carried.detail });
    return 'allow';
  }
  pending();
  const settled = await settle(session, decision, { surface: 'copy', counts: carried.counts, detail: carried.detail }, dialogOptions(carried));
  return settled.go ? 'allow' : 'block';
}

/**
 * Counts of what a page writes: its text, its HTML counted like a page (roster rows included),
 * and for an image or unknown type on a page that shows member data, what the page shows.
 */
function transferCarried(session: GuardSession, t: Transfer): Carried {
  let counts = maxCounts(countMemberData(t.text), t.html ? htmlCounts(t.html) : {});
  if (t.other) counts = maxCounts(counts, pageCounts(document, session.current?.policy.copyThreshold));
  return { counts, other: t.other && !NOTHING(counts), text: t.text ? () => t.text : undefined, detail: t.detail };
}

/** An allow (or audit) known now: logged, and the copy goes on untouched. */
function allowNow(session: GuardSession, carried: Carried): boolean {
  const decision = session.decide({ surface: 'copy', counts: carried.counts });
  if (!decision || !goesAhead(decision)) return false;
  recordAllowed(session, decision, { surface: 'copy', counts: carried.counts, detail: carried.detail });
  return true;
}

/** After the copy was stopped: the dialog, and on an override the copy Vigie makes itself. */
async function decideLater(session: GuardSession, carried: Carried): Promise<void> {
  await session.ready();
  const decision: Decision | undefined = session.decide({ surface: 'copy', counts: carried.counts });
  if (!decision) return;
  const what = { surface: 'copy' as const, counts: carried.counts, detail: carried.detail };
  let go = goesAhead(decision);
  if (go) recordAllowed(session, decision, what);
  else go = (await settle(session, decision, what, dialogOptions(carried))).go;
  if (go && carried.text) await navigator.clipboard.writeText(carried.text()).catch(() => undefined);
}

function dialogOptions(carried: Carried) {
  const counts = { ...carried.counts };
  const notes = [carried.complete === false ? fill(ORGANIZING_STRINGS.copyCountsAtLeast, counts) : filled('copyCounts', counts)];
  if (carried.other) notes.push(ORGANIZING_STRINGS.copyOtherData);
  return { overrideLabel: ORGANIZING_STRINGS.copyAnyway, notes };
}
