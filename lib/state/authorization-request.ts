import { authorizationRequest } from '../core/authorization-request';
import { decide } from '../core/decide';
import type { Surface } from '../core/policy';
import { authorityFor } from '../guard/decision-dialog';
import { logEvent } from '../log/event-log';
import { guardContext } from './guard-context';
import type { PolicyState } from './policy-source';
import type { Services } from './services';
import type { KeySource } from './trust';

/**
 * "Request an authorization" from a block's dialog. The background, not the page, says which
 * clauses and which authority: it decides the action again with the policy and grant it holds.
 * The message names the platform, the page title (scrubbed) and the action, never member data;
 * the request is logged (its purpose as the justification), then opened in the person's mail program.
 */
export async function requestAuthorization(
  loaded: { services: Services; keys: KeySource; policy: PolicyState; now: Date },
  from: { platform: string; url: string },
  message: { surface: Surface; purpose: string; pageTitle: string },
): Promise<{ ok: true } | { ok: false; error: 'not-opened' }> {
  const { services, now } = loaded;
  const ctx = await guardContext(loaded, from.platform);
  const decision = decide({ surface: message.surface, platform: from.platform }, ctx.policy, ctx.grant, now);
  const clauses = [...new Set(decision.reasons.flatMap((r) => r.clauses))];
  const to = authorityFor(ctx.policy, clauses);
  const prepared = authorizationRequest({ policy: ctx.policy, platform: from.platform, surface: message.surface, pageTitle: message.pageTitle, purpose: message.purpose, lang: ctx.lang, grant: ctx.grant, now, to, clauses });
  const place = new URL(from.url);
  await logEvent(services.db, {
    time: now.getTime(),
    platform: from.platform,
    surface: message.surface,
    action: 'authorization-requested',
    verdict: decision.verdict,
    ruleIds: decision.reasons.map((r) => r.ruleId).slice(0, 20),
    clauses,
    justification: message.purpose,
    origin: place.origin,
    path: place.pathname.slice(0, 300),
    policyId: ctx.policy.id,
    policyVersion: ctx.policy.version,
    grantId: ctx.grant?.id,
    detail: `to=${to.email}`,
  });
  if (!services.openTab) return { ok: false, error: 'not-opened' };
  await services.openTab(prepared.href);
  return { ok: true };
}
