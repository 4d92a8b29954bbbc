import { hostMatches, type Policy } from '../core/policy';
import { ALL_PLATFORM_MATCHES } from './hosts';

/**
 * Platforms whose hosts come from the policy, not the build: a self-hosted Nextcloud lives on the
 * organisation's own domain, which no manifest can name in advance. Their content script is not in
 * the manifest; the background registers it at run time for the policy's hosts the person allowed
 * (an optional host permission asked from the options page). Keyed by the adapter's platform id.
 */
export const RUNTIME_PLATFORMS = {
  nextcloud: {
    family: 'nextcloud',
    /** The only surface its content script guards (downloads are the background backstop's). */
    surface: 'share',
    /** `scripting.registerContentScripts` id and the file WXT builds the entrypoint to. */
    scriptId: 'vigie-nextcloud',
    js: 'content-scripts/nextcloud.js',
  },
} as const;

export type RuntimePlatformId = keyof typeof RUNTIME_PLATFORMS;

/** One runtime platform of the policy in force, with the origins its script needs. */
export interface RuntimePlatform {
  id: RuntimePlatformId;
  name: Policy['platforms'][number]['name'];
  /** Permission/match patterns, `https://<host>/*`, one per policy host the manifest does not cover. */
  origins: string[];
}

/** Whether one of the manifest's host permissions already covers a policy host pattern. */
export function coveredByManifest(host: string, matches: readonly string[] = ALL_PLATFORM_MATCHES): boolean {
  return matches.some((match) => {
    const pattern = match.slice('https://'.length, -'/*'.length);
    if (host.startsWith('*.')) return pattern.startsWith('*.') && hostMatches(pattern, host.slice(2));
    return hostMatches(pattern, host);
  });
}

export function originOf(host: string): string {
  return `https://${host}/*`;
}

/**
 * The policy's platforms that need a runtime script: a known runtime adapter, the surface it guards
 * listed by the policy, and hosts the manifest does not already cover.
 */
export function runtimePlatforms(policy: Policy): RuntimePlatform[] {
  return policy.platforms.flatMap((platform): RuntimePlatform[] => {
    if (!Object.hasOwn(RUNTIME_PLATFORMS, platform.id)) return [];
    const id = platform.id as RuntimePlatformId;
    if (!platform.surfaces.includes(RUNTIME_PLATFORMS[id].surface)) return [];
    const origins = platform.hosts.filter((h) => !coveredByManifest(h)).map(originOf);
    return origins.length > 0 ? [{ id, name: platform.name, origins }] : [];
  });
}

/** Whether `host` is one of the policy's hosts for the runtime platform `id` (for the sender checks). */
export function isRuntimeHost(policy: Policy, id: RuntimePlatformId, host: string): boolean {
  const platform = policy.platforms.find((p) => p.id === id);
  return runtimePlatforms(policy).some((p) => p.id === id) && !!platform?.hosts.some((pattern) => hostMatches(pattern, host));
}

/** A registered content script as the background sees it (a subset of `scripting.RegisteredContentScript`). */
export interface ScriptRegistration {
  id: string;
  matches?: string[];
}

export type ScriptChange =
  | { op: 'register'; id: string; js: string; matches: string[] }
  | { op: 'update'; id: string; matches: string[] }
  | { op: 'unregister'; id: string };

/**
 * What to change so each runtime platform's script runs exactly on the policy's origins the person
 * granted: registered when one is granted, its matches updated when they differ, unregistered when
 * none is left (permission removed, or the policy no longer lists the host).
 */
export function planScripts(policy: Policy, granted: readonly string[], registered: readonly ScriptRegistration[]): ScriptChange[] {
  const wanted = new Map(runtimePlatforms(policy).map((p) => [p.id, p.origins.filter((o) => granted.includes(o))]));
  return (Object.keys(RUNTIME_PLATFORMS) as RuntimePlatformId[]).flatMap((id): ScriptChange[] => {
    const { scriptId, js } = RUNTIME_PLATFORMS[id];
    const matches = wanted.get(id) ?? [];
    const current = registered.find((r) => r.id === scriptId);
    if (matches.length === 0) return current ? [{ op: 'unregister', id: scriptId }] : [];
    if (!current) return [{ op: 'register', id: scriptId, js, matches }];
    const same = [...(current.matches ?? [])].sort().join(' ') === [...matches].sort().join(' ');
    return same ? [] : [{ op: 'update', id: scriptId, matches }];
  });
}
