/**
 * Data at scale, shared by the e2e tests (perf-scale) and the bench (bench/scale-*.ts): a log of
 * `n` events seeded straight into the extension's IndexedDB, and a Gmail quoted thread of a given
 * size. Both are made up: no member data.
 */
import { appendStoredInPage, BLOCK_EVENTS } from './log-store.mjs';

/** Log events the seed writes: platforms and verdicts in turn, over the 30 days before `end`. */
export const SEED_PLATFORMS = ['action-network', 'gmail', 'outlook', 'action-builder'];
export const SEED_VERDICTS = ['block', 'warn', 'allow', 'audit'];
export const SEED_DAYS = 30;

/**
 * Replaces the log with `n` events, oldest first, event i at `start + i·span/n`, on an extension
 * page (same origin as the log), stored as the extension stores them (log-store.mjs). Returns the
 * first and last event's times.
 */
export async function seedLog(page, n) {
  // A string, not a function: it carries the storing function's own source into the page.
  return page.evaluate(`(async (count) => {
    const append = ${appendStoredInPage.toString()};
    const platforms = ${JSON.stringify(SEED_PLATFORMS)};
    const verdicts = ${JSON.stringify(SEED_VERDICTS)};
    const span = ${SEED_DAYS} * 86400000;
    const start = Date.now() - span;
    const time = (i) => start + Math.floor((i * span) / count);
    const events = [];
    for (let i = 0; i < count; i++) {
      events.push({ time: time(i), platform: platforms[i % 4], surface: 'copy', action: 'decided', verdict: verdicts[(i >> 2) % 4], ruleIds: ['copy-member-data'], clauses: ['7.2'], findings: [], origin: 'https://actionnetwork.org', path: '/reports/x/manage', detail: 'seed-' + i, counts: { emails: 3, phones: 2, rows: 5 }, policyId: 'acep-member-data', policyVersion: 1 });
    }
    await append({ events, replace: true, blockEvents: ${BLOCK_EVENTS} });
    return { first: time(0), last: time(count - 1) };
  })(${n})`);
}

/**
 * A Gmail quote of about `bytes` characters: earlier messages, each with its own attribution;
 * `inside` (HTML) is put in the oldest message, e.g. the notice of an earlier email.
 */
export function quotedThread(bytes, inside = '') {
  const message = '<p>Bonjour à toutes et à tous, voici le compte rendu de la réunion du comité et les points à discuter jeudi prochain.</p>';
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = `<div class="gmail_attr">On Mon, Apr ${(i % 28) + 1}, 2026 at 10:00 AM Marie &lt;marie@example.org&gt; wrote:<br></div><blockquote class="gmail_quote">${message.repeat(8)}</blockquote>`;
    parts.push(part);
    size += part.length;
  }
  if (inside) parts[parts.length - 1] = parts[parts.length - 1].replace('</blockquote>', `${inside}</blockquote>`);
  return `<div class="gmail_quote gmail_quote_container">${parts.join('')}</div>`;
}
