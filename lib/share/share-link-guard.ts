import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Bilingual } from '../core/lang';
import { guardActivations } from '../guard/activation';
import { GuardSession } from '../guard/session';
import { goesAhead, recordAllowed, settle, stopEvent } from '../organizing/settle';
import type { Found } from '../platforms/types';

const CREATE_ANYWAY: Bilingual = { fr: 'Créer le lien public', en: 'Create the public link' };

/**
 * Before a public share link is created, the policy's decision on the `share` surface: a block
 * shows the dialog and nothing is created; a warning asks the justification, then replays the click
 * on the same control. Caught on `window` in the capture phase, before the page's own listeners.
 * Only the person's own click or key counts: a synthetic activation (`isTrusted` false) that the
 * policy would stop is stopped without a dialog, since no one is there to answer it.
 */
export function startShareLinkGuard(lifetime: ContentScriptContext, findControl: (target: Element) => Found<HTMLElement> | undefined): GuardSession {
  const session = GuardSession.start(lifetime);
  let asking = false;

  const { replay } = guardActivations((event, target) => {
    const found = findControl(target);
    if (!found) return;
    const control = found.element;
    const detail = `control-fallback=${found.fallback}`;
    const decision = session.decide({ surface: 'share' });
    if (decision && goesAhead(decision)) return recordAllowed(session, decision, { surface: 'share', detail });
    stopEvent(event);
    if (!event.isTrusted) {
      void session.log({ surface: 'share', action: 'cancelled', detail: `${detail} untrusted-activation` });
      return;
    }
    if (asking) return; // one dialog at a time: a double click is one request
    asking = true;
    void (async () => {
      try {
        const ready = await session.ready();
        const final = decision ?? session.decide({ surface: 'share' });
        if (!ready || !final) return; // no policy could be read: no link is created
        if (goesAhead(final)) {
          recordAllowed(session, final, { surface: 'share', detail });
          return replay(control);
        }
        const settled = await settle(session, final, { surface: 'share', detail }, { overrideLabel: CREATE_ANYWAY });
        if (settled.go) replay(control); // not if the sidebar closed meanwhile
      } finally {
        asking = false;
      }
    })();
  }, lifetime.signal);
  return session;
}
