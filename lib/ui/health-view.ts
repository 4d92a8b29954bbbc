import type { Policy } from '../core/policy';
import type { Lang } from '../core/text';
import { formatDateTime, t } from '../i18n';
import { PlatformFamily } from '../messaging/protocol';
import { familyMatches } from '../messaging/sender';
import type { Health, Seen } from '../state/seen';

export interface HealthLine {
  platform: string;
  status: 'ok' | 'degraded' | 'unseen';
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
      return [{ platform: name, status: 'degraded', text: since(t(lang, 'healthDegraded'), report.time, lang), help: t(lang, 'healthDegradedHelp') }];
    }
    const time = Math.max(report?.time ?? 0, hello?.time ?? 0);
    if (time > 0) return [{ platform: name, status: 'ok', text: since(t(lang, 'healthOk'), time, lang) }];
    return [{ platform: name, status: 'unseen', text: t(lang, 'healthUnseen') }];
  });
}

function since(status: string, time: number, lang: Lang): string {
  return t(lang, 'healthSince', { status, time: formatDateTime(lang, time) });
}
