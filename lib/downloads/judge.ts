import { decide, type Decision } from '../core/decide';
import { platformForHost } from '../core/policy';
import type { GuardContext } from '../guard/context-types';
import { guardContext } from '../state/guard-context';
import { loadPolicy } from '../state/policy-source';
import type { Services } from '../state/services';
import { keySource } from '../state/trust';
import { downloadUrls, fileTypeOf, isOpaque, mayBeGuarded, platformOfDownload, type DownloadFacts, type DownloadSource } from './download-source';
import { onPolicyHost, rememberPolicyHosts } from './policy-hosts';

export interface Judgement {
  source: DownloadSource;
  decision: Decision;
  context: GuardContext;
  /** `csv`, `xlsx`…: what the log and the dialog may say about the file. */
  fileType: string;
}

/** Synchronous first sort, so every other download is let go at once: ours, and off every guarded site. */
export function needsJudging(item: DownloadFacts, runtimeId: string): boolean {
  if (item.byExtensionId !== undefined && item.byExtensionId === runtimeId) return false;
  return mayBeGuarded(item) || isOpaque(item) || onPolicyHost(downloadUrls(item));
}

/**
 * Decides a download under the policy in force, read from storage now (the worker keeps nothing).
 * A download that names no page (`data:`) is attributed to the active tab when that tab is on a
 * guarded platform: it is almost always the page the person is using that made it.
 * `undefined`: not a guarded platform's download.
 */
export async function judgeDownload(
  item: DownloadFacts,
  services: Services,
  activeTabUrl: () => Promise<string | undefined>,
): Promise<Judgement | undefined> {
  const keys = keySource(services.areas);
  const policy = await loadPolicy(services.areas, keys);
  rememberPolicyHosts(policy.policy);
  let source = platformOfDownload(item, policy.policy);
  if (!source && isOpaque(item)) {
    const tabUrl = await activeTabUrl();
    const platform = tabUrl ? platformOfUrl(tabUrl, policy.policy) : undefined;
    if (platform && tabUrl) source = { platform, pageUrl: tabUrl, fromActiveTab: true };
  }
  if (!source) return undefined;
  const now = services.now();
  const context = await guardContext({ services, keys, policy, now }, source.platform.id);
  const decision = decide({ surface: 'download', platform: source.platform.id }, context.policy, context.grant, now);
  return { source, decision, context, fileType: fileTypeOf(item) };
}

function platformOfUrl(url: string, policy: Parameters<typeof platformForHost>[0]) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? platformForHost(policy, u.hostname) : undefined;
  } catch {
    return undefined;
  }
}
