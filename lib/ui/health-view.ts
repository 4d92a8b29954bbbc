import type { Policy } from '../core/policy';
import type { Lang } from '../core/text';
import { formatDateTime, t } from '../i18n';
import type { MessageKey } from '../i18n/catalogue';
import { PlatformFamily } from '../messaging/protocol';
import { familyMatches } from '../messaging/sender';
import type { Health, Seen } from '../state/seen';

export interface HealthLine {
  platform: string;
  status: 'ok' | 'degraded' | 'sender-unknown' | 'unseen';
  text: string;
  /** For a degraded platform: what it means for the person. */
  help?: string;
}

/**
 * Each platform of the policy that one of Vigie's adapters guards, with how it is doing since the
 * browser started: degraded when its adapter last reported it could not find what it knows is on
 * the page, working once its content script ran (and reported nothing wrong), else not seen yet.
 */
export function healthView(policy: Policy, health: Health, seen: Seen, lang: Lang): HealthLine[] {
  return policy.platforms.flatMap((platform): HealthLine[] => {
    const family = PlatformFamily.options.find((f) => platform.hosts.some((h) => familyMatches(f, `https://${h.replace(/^\*\./, '')}/`, policy)));
    if (!family) return [];
    const name = platform.name[lang];
    const report = health[platform.id];
    const hello = seen[family];
    if (report?.status === 'degraded') {
      const what = lookupWords(report.detail, lang);
      const help = what ? `${t(lang, 'healthNotFound', { what })} ${t(lang, 'healthDegradedHelp')}` : t(lang, 'healthDegradedHelp');
      return [{ platform: name, status: 'degraded', text: since(t(lang, 'healthDegraded'), report.time, lang), help }];
    }
    if (report?.status === 'sender-unknown') {
      return [{ platform: name, status: 'sender-unknown', text: since(t(lang, 'healthSenderUnknown'), report.time, lang), help: t(lang, 'healthSenderUnknownHelp') }];
    }
    const time = Math.max(report?.time ?? 0, hello?.time ?? 0);
    if (time > 0) return [{ platform: name, status: 'ok', text: since(t(lang, 'healthOk'), time, lang) }];
    return [{ platform: name, status: 'unseen', text: t(lang, 'healthUnseen') }];
  });
}

/** The lookups a webmail health report can name (`lookup=<name>`, lib/webmail/health.ts), in plain words. */
const LOOKUP_WORDS: Record<string, MessageKey> = {
  body: 'lookupBody',
  compose: 'lookupCompose',
  sendButtons: 'lookupSendButtons',
  scheduleItem: 'lookupScheduleItem',
};

/** What a degraded report says could not be found, in plain words; `undefined` when it names no lookup. */
export function lookupWords(detail: string | undefined, lang: Lang): string | undefined {
  const names = [...(detail ?? '').matchAll(/lookup=(\w+)/g)].map((m) => LOOKUP_WORDS[m[1]!]).filter((k): k is MessageKey => k !== undefined);
  return names.length ? [...new Set(names)].map((k) => t(lang, k)).join(', ') : undefined;
}

function since(status: string, time: number, lang: Lang): string {
  return t(lang, 'healthSince', { status, time: formatDateTime(lang, time) });
}
