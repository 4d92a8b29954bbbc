import { decide, type Decision } from '../core/decide';
import type { GuardContext } from '../guard/context-types';
import { guardContext } from '../state/guard-context';
import { loadPolicy } from '../state/policy-source';
import type { Services } from '../state/services';
import { keySource } from '../state/trust';
import type { TabsApi } from './ask-page';
import { opaqueSources } from './attribution';
import { CONFIG_HOLD_MS, ConfigUnread, configRead } from './config-hold';
import { downloadUrls, fileTypeOf, isOpaque, mayBeGuarded, platformOfDownload, type DownloadFacts, type DownloadSource } from './download-source';
import { onPolicyHost, rememberPolicyHosts } from './policy-hosts';

export interface Judgement {
  source: DownloadSource;
  decision: Decision;
  context: GuardContext;
  /** `csv`, `xlsx`…: what the log and the dialog may say about the file. */
  fileType: string;
}

/** How long the judge waits for IT's trusted keys once the configuration has been read (fast by then). */
export const JUDGE_KEYS_WAIT_MS = 5_000;

/** Synchronous first sort, so every other download is let go at once: ours, and off every guarded site. */
export function needsJudging(item: DownloadFacts, runtimeId: string): boolean {
  if (item.byExtensionId !== undefined && item.byExtensionId === runtimeId) return false;
  return mayBeGuarded(item) || isOpaque(item) || onPolicyHost(downloadUrls(item));
}

const SEVERITY = { allow: 0, audit: 1, warn: 2, block: 3 } as const;

/**
 * Decides a download under the policy in force, read from storage now (the worker keeps nothing).
 * Before IT's configuration has been read this browser session, the download waits for it
 * (config-hold.ts); still unread, and with only the bundled default held, it is refused
 * (`ConfigUnread`). A download that names no page (`data:`, `blob:null`) is attributed by
 * attribution.ts; when several guarded platforms may have made it, the strictest decision wins.
 * `undefined`: not a guarded platform's download.
 */
export async function judgeDownload(item: DownloadFacts, services: Services, tabs: TabsApi, configHoldMs = CONFIG_HOLD_MS): Promise<Judgement | undefined> {
  const read = await configRead(services, configHoldMs);
  const keys = keySource(services.areas, JUDGE_KEYS_WAIT_MS);
  const policy = await loadPolicy(services.areas, keys);
  if (!read && policy.source === 'default') throw new ConfigUnread();
  rememberPolicyHosts(policy.policy);
  const now = services.now();
  const found = platformOfDownload(item, policy.policy);
  const sources = found ? [found] : isOpaque(item) ? await opaqueSources(tabs, services.areas.session, policy.policy, now.getTime()) : [];
  let best: Judgement | undefined;
  for (const source of sources) {
    const context = await guardContext({ services, keys, policy, now }, source.platform.id);
    const decision = decide({ surface: 'download', platform: source.platform.id }, context.policy, context.grant, now);
    if (!best || SEVERITY[decision.verdict] > SEVERITY[best.decision.verdict]) best = { source, decision, context, fileType: fileTypeOf(item) };
  }
  return best;
}
