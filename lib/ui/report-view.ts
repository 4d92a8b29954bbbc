import { LANGS, type Lang } from '../core/text';
import { citationOf, formatDateTime, t } from '../i18n';
import type { VigieState } from '../state/snapshot';
import { describeEvent } from './event-words';
import { grantStatusText, sectionLabel } from './scope-view';

/** How many recent events the report quotes: enough context, short enough for a `mailto:` link. */
export const REPORT_EVENTS = 5;

export interface CompromiseReport {
  to: string;
  subject: string;
  body: string;
  /** `mailto:` with subject and body, RFC 6068 encoded. */
  href: string;
}

/**
 * The prefilled message of a suspected-compromise report (clause 7.7), to the policy's incident
 * address: who is reporting (grant holder, unit, section accounts, grant), when, a place to say
 * what was seen, and Vigie's last events in plain words (the log holds no member data). Written in
 * both languages, the person's first, so whoever receives it can read it.
 */
export function compromiseReport(state: VigieState, now: Date, vigieVersion: string): CompromiseReport {
  const { policy } = state.policy;
  const to = policy.contacts.incidentReporting.email;
  const first = state.lang;
  const order: Lang[] = [first, ...LANGS.filter((l) => l !== first)];
  const subject = order.map((lang) => t(lang, 'reportSubject', { who: reporter(state, lang) })).join(' / ');
  const body = order.map((lang) => reportBody(state, lang, now, vigieVersion)).join('\n\n— — —\n\n');
  return { to, subject, body, href: `mailto:${to}?subject=${encode(subject)}&body=${encode(body)}` };
}

function reportBody(state: VigieState, lang: Lang, now: Date, vigieVersion: string): string {
  const { policy } = state.policy;
  const held = state.grant;
  const lines = [t(lang, 'reportIntro', { citation: citationOf(policy, policy.contacts.incidentReporting.clause, lang) }), ''];
  if (held.state === 'held') {
    const { grant } = held;
    lines.push(t(lang, 'reportAccount', { account: `${grant.holder.name} <${grant.holder.email}>` }));
    lines.push(t(lang, 'reportSection', { section: sectionLabel(grant, lang) }));
    if (grant.section?.accounts.length) lines.push(t(lang, 'reportAccounts', { accounts: grant.section.accounts.join(', ') }));
    lines.push(t(lang, 'reportGrant', { id: grant.id, status: grantStatusText(grant, held.status, lang) }));
  } else {
    lines.push(t(lang, 'reportNoGrant'));
  }
  lines.push(t(lang, 'reportTime', { time: `${formatDateTime(lang, now.getTime())} (${now.toISOString()})` }), '');
  lines.push(t(lang, 'reportSeen'), '');
  const events = (state.recent?.events ?? []).slice(0, REPORT_EVENTS).map((e) => describeEvent(e, policy, lang));
  if (events.length > 0) {
    lines.push(t(lang, 'reportEvents'));
    for (const e of events) lines.push(`- ${e.when} — ${e.text}`);
    lines.push('');
  }
  lines.push(t(lang, 'reportPolicy', { policy: policy.organisation.shortName[lang], version: policy.version, vigie: vigieVersion }));
  return lines.join('\n');
}

/** Who the report comes from, for the subject: the unit, else the holder, else the organisation. */
function reporter(state: VigieState, lang: Lang): string {
  if (state.grant.state !== 'held') return state.policy.policy.organisation.shortName[lang];
  const { grant } = state.grant;
  return grant.section ? sectionLabel(grant, lang) : grant.holder.name;
}

/** Percent-encoding for a `mailto:` field; line breaks as CRLF, which mail programs expect. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
}
