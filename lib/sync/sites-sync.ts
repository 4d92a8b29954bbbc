import { canonicalJson } from '../core/canonical-json';
import type { Policy } from '../core/policy';
import { readEnvelope, SignatureRefusal, type TrustedKey } from '../core/signature';
import { verifySitePack, type VerifiedSitePack } from '../core/site-pack-verify';
import { logEvent } from '../log/event-log';
import type { Services } from '../state/services';
import { loadSitePack, SITES_FLOOR } from '../state/site-pack-source';
import { KEYS, readKey } from '../state/storage';
import { FetchFailure, fetchPolicyText, policyUrlOf } from './fetch-policy';
import type { ManagedConfig } from './managed-config';
import { readSitesStatus, type SitesProblem, type SitesStatus } from './sites-status';
import type { RemoteSource } from './sync-status';

interface Candidate {
  source: RemoteSource;
  input: unknown;
}

/**
 * Brings the site pack up to date, at each policy sync, from the same two places as the policy:
 * IT's inline value (`signedSites`) and a URL (`sitesUrl`). A pack must be signed by a trusted
 * key, parse (every selector included) and be newer than the bundled pack and not older than the
 * one held; the newest such pack wins. A refused pack changes nothing: the last good one stays in
 * force and the refusal is recorded and logged once. Writing the accepted pack to storage.local is
 * what makes open tabs take it (GuardSession watches the key and re-reads its context).
 */
export async function syncSitePack(services: Services, config: ManagedConfig, keys: readonly TrustedKey[], policy: Policy): Promise<SitesStatus> {
  const now = services.now().getTime();
  const local = services.areas.local;
  const before = await readSitesStatus(local);
  const held = await loadSitePack(services.areas, async () => keys);
  const floor = Math.max(SITES_FLOOR, held.pack?.version ?? 0);

  const { candidates, problems } = await gather(config, services.fetch ?? globalThis.fetch.bind(globalThis));
  let best: { source: RemoteSource; verified: VerifiedSitePack } | undefined;
  for (const candidate of candidates) {
    try {
      const verified = await verifySitePack(candidate.input, keys, floor);
      if (!best || verified.pack.version > best.verified.pack.version) best = { source: candidate.source, verified };
    } catch (error) {
      if (!(error instanceof SignatureRefusal)) throw error;
      problems.push({ source: candidate.source, code: error.code, ...versionOf(candidate.input), ...(error.problems[0] ? { detail: error.problems[0].slice(0, 300) } : {}) });
    }
  }
  // A stale copy beside an accepted pack is only superseded, as for the policy.
  const kept = best ? problems.filter((p) => p.code !== 'rollback') : problems;
  const changed = best !== undefined && !(await holds(services, best.verified));
  const status: SitesStatus = {
    source: changed ? best?.source : before.source,
    version: best?.verified.pack.version ?? held.pack?.version,
    acceptedAt: changed ? now : before.acceptedAt,
    lastAttempt: now,
    problems: kept.slice(0, 10),
  };
  if (changed && best) await local.set({ [KEYS.sites]: best.verified.envelope, [KEYS.sitesStatus]: status });
  else await local.set({ [KEYS.sitesStatus]: status });

  const base = { time: now, platform: 'vigie', surface: 'policy', policyId: policy.id, policyVersion: policy.version } as const;
  if (changed && best) await logEvent(services.db, { ...base, action: 'sites-updated', detail: `${best.source} v${best.verified.pack.version}` });
  const seen = new Set(before.problems.map(problemKey));
  for (const p of kept.filter((k) => !seen.has(problemKey(k)))) {
    const detail = [p.source, p.code, p.version && `v${p.version}`, p.status && `HTTP ${p.status}`].filter(Boolean).join(' ');
    await logEvent(services.db, { ...base, action: p.code in FETCH_CODES ? 'sites-fetch-failed' : 'sites-refused', detail });
  }
  return status;
}

const FETCH_CODES = { 'not-https': 1, unreachable: 1, timeout: 1, 'http-error': 1, 'too-large': 1 } as const;

function problemKey(p: SitesProblem): string {
  return `${p.source}:${p.code}:${p.version ?? ''}`;
}

async function gather(config: ManagedConfig, fetcher: typeof fetch): Promise<{ candidates: Candidate[]; problems: SitesProblem[] }> {
  const candidates: Candidate[] = [];
  const problems: SitesProblem[] = [];
  if (config.signedSites !== undefined) candidates.push({ source: 'managed', input: config.signedSites });
  if (config.sitesUrl !== undefined) {
    const url = policyUrlOf(config.sitesUrl);
    if (!url) problems.push({ source: 'url', code: 'not-https' });
    else {
      try {
        candidates.push({ source: 'url', input: await fetchPolicyText(url, fetcher) });
      } catch (error) {
        if (!(error instanceof FetchFailure)) throw error;
        problems.push({ source: 'url', code: error.code, ...(error.status ? { status: error.status } : {}) });
      }
    }
  }
  return { candidates, problems };
}

/** True when storage already holds exactly this pack (a sync that changes nothing writes nothing). */
async function holds(services: Services, verified: VerifiedSitePack): Promise<boolean> {
  const held = await readKey(services.areas.local, KEYS.sites);
  if (held === undefined) return false;
  try {
    return canonicalJson(readEnvelope(held)) === canonicalJson(verified.envelope);
  } catch {
    return false;
  }
}

/** The version a refused pack claims, when it can be read at all. */
function versionOf(input: unknown): { version?: number } {
  try {
    const version = readEnvelope(input).payload.version;
    return typeof version === 'number' && Number.isInteger(version) ? { version } : {};
  } catch {
    return {};
  }
}
