import { checkEmail, signatureBlock, type EmailInput } from '../lib/core/email/check-email';
import { DEFAULT_POLICY } from '../lib/packs';
import type { BenchRow } from './types';

/**
 * The send check runs while the person waits on "Send", so it must stay fast on a long thread:
 * a ~300 KB Gmail-style reply whose new content is short and whose history is deep.
 */
export async function run(): Promise<BenchRow[]> {
  const policy = DEFAULT_POLICY;
  const section = { number: '70', name: { fr: 'Section locale 70 – Ottawa', en: 'Local 70 – Ottawa' } };
  const thread = buildThread(signatureBlock(policy, section).html, 300_000);
  const input: EmailInput = { from: 'sl70@acep-cape.ca', subject: 'Section locale 70 : assemblée générale', body: thread, format: 'html' };
  if (!checkEmail(input, policy, { section }).compliant) throw new Error('bench thread should be compliant');

  const times = measure(() => checkEmail(input, policy, { section }), 50, 300);
  // The slow path: the sender's own signature is gone, so the quoted history is searched too.
  const unsigned: EmailInput = { ...input, body: thread.replace(signatureBlock(policy, section).html, '') };
  if (checkEmail(unsigned, policy, { section }).findings[0]?.rule !== 'notice-only-in-quote') throw new Error('bench slow path should find the notice in the quote');
  const slow = measure(() => checkEmail(unsigned, policy, { section }), 10, 100);
  const kb = Math.round(thread.length / 1000);
  return [
    { name: `send-check median (${kb} KB thread)`, value: percentile(times, 0.5), unit: 'ms', budget: 2 },
    { name: `send-check p95 (${kb} KB thread)`, value: percentile(times, 0.95), unit: 'ms' },
    { name: `send-check median, notice only in quote (${kb} KB)`, value: percentile(slow, 0.5), unit: 'ms' },
  ];
}

function measure(fn: () => unknown, warmup: number, iterations: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Deterministic filler so every run measures the same thread. */
function words(seed: number, count: number): string {
  const vocab = ('réunion assemblée membres section locale grief employeur convention négociation comité mobilisation '
    + 'sondage pétition ministère classification bureau conseil exécutif délégué·es vote date salle lien inscription').split(' ');
  let x = seed;
  return Array.from({ length: count }, () => vocab[(x = (x * 1103515245 + 12345) % 2147483648) % vocab.length]).join(' ');
}

function historyMessage(level: number, signature: string): string {
  const rows = Array.from({ length: 12 }, (_, r) =>
    `<tr><td style="padding:4px;border:1px solid #ccc">${words(level * 100 + r, 3)}</td><td style="padding:4px;border:1px solid #ccc">2026-0${(r % 9) + 1}-1${r % 9}</td><td><a href="https://example.org/evenements/${level}/${r}?utm_source=courriel&amp;utm_medium=email">Inscription</a></td></tr>`,
  ).join('');
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<div><span style="font-family:arial,sans-serif;font-size:small">${words(level * 7 + i, 60)}</span></div><div><br></div>`).join('');
  return `<div dir="ltr">${paragraphs}<table cellpadding="0" cellspacing="0" style="border-collapse:collapse">${rows}</table>${signature}</div>`;
}

function buildThread(signature: string, size: number): string {
  const opening = '<div dir="ltr"><div>Bonjour à toutes et à tous,</div><div><br></div><div>La Section locale 70 vous rappelle l\'assemblée générale de jeudi.</div><div><br></div><div>Solidairement,</div>';
  const parts: string[] = [`${opening}${signature}</div><br>`];
  let length = parts[0]!.length;
  let depth = 0;
  while (length < size) {
    const quote = `<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">Le mar. ${depth + 1} avr. 2026, à 09 h 1${depth % 10}, Section locale 70 &lt;<a href="mailto:sl70@acep-cape.ca">sl70@acep-cape.ca</a>&gt; a écrit&nbsp;:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${historyMessage(depth, signature)}`;
    parts.push(quote);
    length += quote.length;
    depth++;
  }
  parts.push('</blockquote></div>'.repeat(depth));
  return parts.join('');
}
