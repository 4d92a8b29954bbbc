import { logOutbox } from '../lib/guard/log-outbox';

/**
 * Bundled by the bench (scale-log.ts) and run in a tab's content-script world: logs `n` events
 * through the content scripts' own outbox, as a busy guard would. Resolves once all are answered.
 */
export async function burst(tab: number, n: number): Promise<number> {
  const event = (i: number) => ({ surface: 'copy', action: 'decided', verdict: 'allow', ruleIds: [], clauses: [], findings: [], detail: `tab${tab}-${i}` });
  await Promise.all(Array.from({ length: n }, (_, i) => logOutbox().add(event(i))));
  return n;
}
