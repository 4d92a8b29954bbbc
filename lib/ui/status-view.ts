import { endOfAccess } from '../core/grant-status';
import type { UnknownSenderMode } from '../core/policy';
import { unknownSenderMode } from '../core/unknown-sender';
import type { Lang } from '../core/text';
import { formatDate, formatList, t } from '../i18n';
import { runtimePlatforms } from '../platforms/runtime-hosts';
import type { VigieState } from '../state/snapshot';
import { platformName } from './event-words';
import { problemText } from './policy-view';

/** The toolbar badge's colour: red, no access in force; amber, something guarded may not be; none, all well. */
export type StatusLevel = 'ok' | 'amber' | 'red';

export interface StatusProblem {
  id: string;
  text: string;
  /** What the person can do about it from the popup. */
  button?: { label: string; action: 'options' | 'sync' };
}

export interface StatusView {
  level: StatusLevel;
  /** One plain sentence: what the person may do now. */
  summary: string;
  problemsHeading: string;
  problems: StatusProblem[];
}

/**
 * What the popup opens with and what the toolbar badge shows, from the same state: the access
 * (red when there is none in force), then each problem with what to do about it (amber when a
 * platform is degraded or cannot tell the sending account, the policy could not be updated or
 * refused, or a self-hosted platform is not enabled yet). `granted` lists the optional host permissions the person allowed.
 */
export function statusView(state: VigieState, granted: readonly string[] = []): StatusView {
  const { lang } = state;
  const { policy } = state.policy;
  const officer = policy.contacts.privacyOfficer;
  const contact = { contact: (officer.inSentence ?? officer.title)[lang], email: officer.email };
  const problems: StatusProblem[] = [];
  const summary = accessSentence(state, lang);
  const red = state.grant.state !== 'held' || state.grant.status !== 'valid';
  if (red) {
    problems.push(
      state.sync.grantManaged
        ? { id: 'grant', text: t(lang, 'problemGrantManaged', contact) }
        : { id: 'grant', text: t(lang, 'problemGrant', contact), button: { label: t(lang, 'problemGrantButton'), action: 'options' } },
    );
  }
  for (const platform of policy.platforms) {
    if (state.health[platform.id]?.status !== 'degraded') continue;
    const key = platform.kind === 'webmail' ? 'problemDegradedWebmail' : 'problemDegraded';
    problems.push({ id: `degraded-${platform.id}`, text: t(lang, key, { platform: platform.name[lang] }) });
  }
  for (const platform of policy.platforms) {
    const problem = senderProblem(state, platform.id, unknownSenderMode(policy, platform.id));
    if (problem) problems.push({ id: `sender-${platform.id}`, text: t(lang, problem, { platform: platform.name[lang] }) });
  }
  if (state.policy.refused) {
    problems.push({ id: 'policy-refused', text: t(lang, 'problemRefusedPolicy', { what: state.policy.refused.text[lang] }), button: { label: t(lang, 'checkNow'), action: 'sync' } });
  }
  const sync = state.sync.problems.filter((p) => p.source !== 'grant' || !red);
  if (sync.length > 0) {
    problems.push({ id: 'sync', text: t(lang, 'problemSync', { what: problemText(sync[0]!, lang) }), button: { label: t(lang, 'checkNow'), action: 'sync' } });
  }
  for (const platform of runtimePlatforms(policy)) {
    for (const origin of platform.origins.filter((o) => !granted.includes(o))) {
      const host = origin.slice('https://'.length, -'/*'.length);
      problems.push({ id: `self-hosted-${host}`, text: t(lang, 'problemSelfHosted', { platform: platform.name[lang], host }), button: { label: t(lang, 'problemSelfHostedButton'), action: 'options' } });
    }
  }
  return { level: red ? 'red' : problems.length > 0 ? 'amber' : 'ok', summary, problemsHeading: t(lang, 'problemsHeading'), problems };
}

/**
 * A webmail page whose sending account cannot be read: under `ask`, a problem until the person
 * has answered for that page's mailbox (the answers are keyed as the health report names it);
 * under `ignore`, always (mail leaves unchecked); under `assume-local`, never (every send is checked).
 */
function senderProblem(state: VigieState, platform: string, mode: UnknownSenderMode): 'problemSenderAsk' | 'problemSenderIgnored' | undefined {
  const health = state.health[platform];
  if (health?.status !== 'sender-unknown' || mode === 'assume-local') return undefined;
  if (mode === 'ignore') return 'problemSenderIgnored';
  const answered = health.mailbox !== undefined && state.senderAnswers?.[health.mailbox] !== undefined;
  return answered ? undefined : 'problemSenderAsk';
}

function accessSentence(state: VigieState, lang: Lang): string {
  const held = state.grant;
  if (held.state === 'missing') return t(lang, 'summaryNone');
  if (held.state === 'unverifiable') return t(lang, 'summaryUnverifiable');
  const { grant, status } = held;
  const { policy } = state.policy;
  const end = endOfAccess(grant);
  switch (status) {
    case 'valid': {
      const ids = grant.platforms.includes('*') ? policy.platforms.map((p) => p.id) : grant.platforms;
      const platforms = formatList(lang, ids.map((id) => platformName(policy, id, lang)));
      return t(lang, 'summaryValid', { platforms, date: formatDate(lang, end) });
    }
    case 'expired':
      return grant.task && end === Date.parse(grant.task.endsAt) ? t(lang, 'summaryTaskEnded', { date: formatDate(lang, end) }) : t(lang, 'summaryExpired', { date: formatDate(lang, end) });
    case 'revoked':
      return t(lang, 'summaryRevoked');
    case 'not-yet-valid':
      return t(lang, 'summaryNotYet', { date: formatDate(lang, grant.issuedAt) });
  }
}
