import type { Decision } from '../core/decide';
import type { GuardSession } from '../guard/session';
import { pageCounts } from './member-data-dom';
import { blankPrintout } from './print-blank';
import { goesAhead, recordAllowed, settle, stopEvent } from './settle';
import { ORGANIZING_STRINGS } from './strings';

/**
 * Printing a member list. Ctrl/Cmd+P is caught on keydown (capture, `window`) and the page's own
 * `window.print()` through the page-world hooks; both are decided before any print dialog opens.
 * The browser's menu (⋮ → Print) reaches the page only as `beforeprint`, which cannot be
 * cancelled: Vigie then blanks the printout (print-blank.ts: the page can neither remove nor
 * out-rank it; the paper says why and how to justify) and restores the page on `afterprint`.
 * Every frame has its own guard: a frame prints, and is blanked, on its own content. A page
 * showing less than the policy's copy threshold is not a member list and prints freely.
 */
export function installPrintGuard(session: GuardSession, signal: AbortSignal): { decidePagePrint: (pending: () => void) => Promise<'allow' | 'block'> } {
  /** Set while a print Vigie let through runs, so its `beforeprint` does not blank it. */
  let approved = false;
  let blank: { restore: () => void } | undefined;

  const decision = (): { decision: Decision | undefined; counts: ReturnType<typeof pageCounts> } => {
    const counts = pageCounts(document, session.current?.policy.copyThreshold);
    return { decision: session.decide({ surface: 'print', counts }), counts };
  };

  const printApproved = () => {
    approved = true;
    window.print(); // the content script's own print, not the page's wrapped one
    setTimeout(() => (approved = false), 1000);
  };

  /** Decides a print asked for by key or by the page; `true` when it may go on at once. */
  const decidePrint = async (pending?: () => void): Promise<'now' | 'approved' | 'refused'> => {
    if (!session.current) pending?.(); // the policy is still on its way: the page must not give up meanwhile
    await session.ready();
    const { decision: d, counts } = decision();
    if (!d) return 'refused';
    if (goesAhead(d)) {
      recordAllowed(session, d, { surface: 'print', counts });
      return 'now';
    }
    pending?.();
    const settled = await settle(session, d, { surface: 'print', counts }, { overrideLabel: ORGANIZING_STRINGS.printAnyway });
    return settled.go ? 'approved' : 'refused';
  };

  const onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'p') return;
    const { decision: d, counts } = decision();
    if (d && goesAhead(d)) {
      recordAllowed(session, d, { surface: 'print', counts });
      approved = true; // the browser's print follows: do not blank it
      setTimeout(() => (approved = false), 1000);
      return;
    }
    stopEvent(event);
    void decidePrint().then((outcome) => outcome !== 'refused' && printApproved());
  };

  const onBeforePrint = () => {
    if (approved) return;
    const { decision: d, counts } = decision();
    if (d && goesAhead(d)) return recordAllowed(session, d, { surface: 'print', counts, detail: 'print-menu' });
    // No policy yet (the first instant of the page): a page showing addresses, numbers or rows stays off paper.
    if (!d && counts.emails + counts.phones + counts.rows === 0) return;
    blank?.restore();
    blank = blankPrintout(document);
    const logBlanked = (made: Decision) =>
      void session.log({ surface: 'print', action: 'blanked', verdict: made.verdict, ruleIds: made.reasons.map((r) => r.ruleId), clauses: made.clauses, counts, detail: 'print-menu' });
    if (d) logBlanked(d);
    // Blanked before the policy arrived: logged as soon as it is known, with the decision it gives.
    else void session.ready().then(() => {
      const later = session.decide({ surface: 'print', counts });
      if (later) logBlanked(later);
    });
  };
  const onAfterPrint = () => {
    blank?.restore();
    blank = undefined;
  };

  window.addEventListener('keydown', onKey, { capture: true, signal });
  window.addEventListener('beforeprint', onBeforePrint, { signal });
  window.addEventListener('afterprint', onAfterPrint, { signal });

  return {
    /** The page called `window.print()`: `allow` lets its own print go on (the hooks call it). */
    decidePagePrint: async (pending) => {
      const outcome = await decidePrint(pending);
      if (outcome === 'refused') return 'block';
      approved = true;
      setTimeout(() => (approved = false), 1000);
      return 'allow';
    },
  };
}
