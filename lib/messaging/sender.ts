import { hostMatches, platformForHost, type Policy } from '../core/policy';
import { PLATFORM_MATCHES } from '../platforms/hosts';
import { isRuntimeHost, RUNTIME_PLATFORMS, type RuntimePlatformId } from '../platforms/runtime-hosts';
import type { PlatformFamily } from './protocol';

/** The parts of `runtime.MessageSender` the checks read (the polyfill's type fits it). */
export interface Sender {
  id?: string;
  url?: string;
  /** The frame's origin: an `about:blank` or `srcdoc` frame (or pop-up) has its creator's. */
  origin?: string;
  tab?: { url?: string };
}

export interface SenderContext {
  runtimeId: string;
  /** `runtime.getURL('')`: `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionBase: string;
  policy: Policy;
}

export type SenderKind =
  | { kind: 'content'; url: string; platform: string }
  | { kind: 'popup' }
  | { kind: 'options' }
  | { kind: 'untrusted'; reason: string };

/** The extension pages allowed to talk to the background, by file name. */
const PAGES: Record<string, 'popup' | 'options'> = { 'popup.html': 'popup', 'options.html': 'options' };

/**
 * Says who sent a message before anything is parsed: one of our extension pages, or a content
 * script in a tab of a host the policy guards. Everything else is untrusted.
 */
export function classifySender(sender: Sender, ctx: SenderContext): SenderKind {
  if (sender.id !== ctx.runtimeId) return { kind: 'untrusted', reason: 'another extension' };
  const url = sender.url ?? sender.tab?.url;
  if (!url) return { kind: 'untrusted', reason: 'no sender URL' };
  if (url.startsWith(ctx.extensionBase)) {
    const file = url.slice(ctx.extensionBase.length).split(/[?#]/)[0] ?? '';
    const page = PAGES[file];
    return page ? { kind: page } : { kind: 'untrusted', reason: `extension page ${file}` };
  }
  if (!sender.tab) return { kind: 'untrusted', reason: 'not a tab' };
  // A frame or pop-up the page made blank (about:blank, about:srcdoc) speaks for the origin that made it.
  const place = /^about:/.test(url) && sender.origin ? `${sender.origin}/` : url;
  const host = httpsHost(place);
  const platform = host === undefined ? undefined : platformForHost(ctx.policy, host);
  if (!platform) return { kind: 'untrusted', reason: 'host not guarded by the policy' };
  return { kind: 'content', url: place, platform: platform.id };
}

const FAMILY_MATCHES: Record<PlatformFamily, readonly string[]> = {
  'action-network': PLATFORM_MATCHES.actionNetwork,
  'action-builder': PLATFORM_MATCHES.actionBuilder,
  gmail: PLATFORM_MATCHES.gmail,
  outlook: PLATFORM_MATCHES.outlook,
  nationbuilder: PLATFORM_MATCHES.nationbuilder,
  social: PLATFORM_MATCHES.social,
  // Registered at run time on the policy's hosts (lib/platforms/runtime-hosts.ts): none in the manifest.
  nextcloud: [],
};

/** The runtime platform a family's script serves, for families whose hosts come from the policy. */
const RUNTIME_FAMILY = new Map(Object.entries(RUNTIME_PLATFORMS).map(([id, p]) => [p.family as PlatformFamily, id as RuntimePlatformId]));

/**
 * True when `url` is one the family's content script is injected into: its manifest matches, or,
 * for a family registered at run time, the hosts `policy` gives its platform (without a policy,
 * such a family matches nothing).
 */
export function familyMatches(family: PlatformFamily, url: string, policy?: Policy): boolean {
  const host = httpsHost(url);
  if (host === undefined) return false;
  const runtime = RUNTIME_FAMILY.get(family);
  if (runtime) return policy !== undefined && isRuntimeHost(policy, runtime, host);
  // Every pattern is `https://<host pattern>/*`, so the host decides.
  return FAMILY_MATCHES[family].some((pattern) => hostMatches(pattern.slice('https://'.length, -'/*'.length), host));
}

function httpsHost(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}
