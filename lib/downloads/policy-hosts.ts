import { hostMatches, type Policy } from '../core/policy';

/**
 * The hosts of the policy in force, as this worker last read them, for the backstop's synchronous
 * first sort: a policy may guard hosts no content script knows (a self-hosted Nextcloud, AWS).
 * Unknown (a worker just woken by the download itself, or a policy just changed): every download is
 * judged, so a guarded host is never let through for want of a cache.
 */
let hosts: readonly string[] | undefined;

export function rememberPolicyHosts(policy: Policy): void {
  hosts = policy.platforms.filter((p) => p.surfaces.includes('download')).flatMap((p) => p.hosts);
}

export function forgetPolicyHosts(): void {
  hosts = undefined;
}

/** Whether one of `urls` is on a host of the policy in force; `true` while that is unknown. */
export function onPolicyHost(urls: readonly string[]): boolean {
  if (hosts === undefined) return true;
  const known = hosts;
  return urls.some((url) => known.some((pattern) => hostMatches(pattern, new URL(url).hostname)));
}
