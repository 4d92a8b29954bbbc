import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isOfficialAccount } from '../core/official-accounts';
import type { Bilingual } from '../core/lang';
import { guardActivations } from '../guard/activation';
import { GuardSession } from '../guard/session';
import { goesAhead, recordAllowed, settle, stopEvent } from '../organizing/settle';
import type { PublishAdapter } from '../platforms/types';

const PUBLISH_ANYWAY: Bilingual = { fr: 'Publier', en: 'Publish' };
const AS_ACCOUNT: Bilingual = { fr: 'Compte officiel : {account}', en: 'Official account: {account}' };
const ACCOUNT_UNREAD: Bilingual = {
  fr: 'Vigie n’a pas pu lire le compte qui publie : confirmez que ce n’est pas un compte officiel du Parti ou suivez la procédure.',
  en: 'Vigie could not read the account that publishes: confirm it is not an official account, or follow the procedure.',
};

/**
 * Before a post leaves an account the policy lists as official, the policy's confirmation (the
 * publication procedure) — caught on `window` in the capture phase, before the network's own
 * listeners. Posts from any other account go on untouched. An account the adapter cannot read
 * counts as official (and the platform is reported degraded): the check fails closed. After a
 * confirmation the click is replayed on the same control. A click the page synthesises
 * (`isTrusted` false) on an official account's Publish is stopped without a dialog: no one is there
 * to confirm it. One dialog at a time: a double click is one request.
 */
export function startPublishGuard(lifetime: ContentScriptContext, adapter: PublishAdapter): GuardSession {
  const session = GuardSession.start(lifetime);
  let asking = false;

  const { replay } = guardActivations((event, target) => {
    const control = adapter.publishControl(target);
    if (!control) return;
    const account = adapter.actingAccount(control, document);
    const ctx = session.current;
    const official = ctx?.policy.platforms.find((p) => p.id === ctx.platform)?.officialAccounts;
    if (ctx && account && !isOfficialAccount(account.name, official)) return;
    if (!account) void session.health('degraded', 'publish: acting account not found');

    const decision = session.decide({ surface: 'publish' });
    const detail = account ? `account-fallback=${account.fallback}` : 'account-unread';
    if (decision && goesAhead(decision)) return recordAllowed(session, decision, { surface: 'publish', detail });
    stopEvent(event);
    if (!event.isTrusted) {
      void session.log({ surface: 'publish', action: 'cancelled', detail: `${detail} untrusted-activation` });
      return;
    }
    if (asking) return;
    asking = true;
    void (async () => {
      try {
        const ready = await session.ready();
        const final = decision ?? session.decide({ surface: 'publish' });
        if (!ready || !final) return; // no policy could be read: the post stays unpublished
        const officialNow = ready.policy.platforms.find((p) => p.id === ready.platform)?.officialAccounts;
        if (account && !isOfficialAccount(account.name, officialNow)) return replay(control);
        if (goesAhead(final)) {
          recordAllowed(session, final, { surface: 'publish', detail });
          return replay(control);
        }
        const notes = [account ? fillAccount(AS_ACCOUNT, account.name) : ACCOUNT_UNREAD];
        const settled = await settle(session, final, { surface: 'publish', detail }, { overrideLabel: PUBLISH_ANYWAY, notes });
        if (settled.go) replay(control);
      } finally {
        asking = false;
      }
    })();
  }, lifetime.signal);
  return session;
}

function fillAccount(text: Bilingual, account: string): Bilingual {
  return { fr: text.fr.replace('{account}', account), en: text.en.replace('{account}', account) };
}
