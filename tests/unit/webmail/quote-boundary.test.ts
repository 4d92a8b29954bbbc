import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkEmail, type CheckContext } from '../../../lib/core/email/check-email';
import { signatureBlock } from '../../../lib/core/email/signature-block';
import type { EmailCheckResult } from '../../../lib/core/email/types';
import { readEmailFile } from '../../../lib/cli/eml-input';
import { cutAtQuote, quoteStart } from '../../../lib/webmail/quote-boundary';
import { checkEmail as legacyCheckEmail } from '../email/legacy/check-email';
import { policy, SECTION_70 } from '../email/helpers';

/**
 * The send check now cuts the body at the quote's element and serialises only what precedes it.
 * Its verdicts must be those of the old check (the whole body's markup, frozen in ../email/legacy)
 * on every webmail compose fixture and every email fixture, as they are and in variants: the
 * notice left out (so it is looked for in the quote), a subject naming the local, a long history.
 */
const FIXTURES = join(__dirname, '../../fixtures');
const SUBJECTS = ['', 'Section locale 70 : réunion', 'Re: Members list'];
const CONTEXTS: CheckContext[] = [{ everySenderInScope: true, section: SECTION_70 }, { everySenderInScope: true }];
const NOTICE = signatureBlock(policy, SECTION_70).html;

function verdict(result: EmailCheckResult) {
  return { compliant: result.compliant, inScope: result.inScope, rules: result.findings.map((f) => `${f.rule}:${(f.terms ?? []).join('|')}`) };
}

/** Every compose body of a fixture page (those in `<template>` too), as a DOM element. */
function composeBodies(html: string): Element[] {
  const { document } = parseHTML(html.replace(/<\/?template[^>]*>/g, ''));
  return Array.from(document.querySelectorAll('[contenteditable="true"]'));
}

/** A body holding `html`, in its own document. */
function bodyOf(html: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body><div id="compose">${html}</div></body></html>`);
  return document.getElementById('compose')!;
}

/** The old verdict (whole markup) and the new one (cut in the DOM), for each subject and context. */
function compare(body: Element, label: string) {
  const whole = body.innerHTML;
  const { head, rest } = cutAtQuote(body);
  let checked = 0;
  for (const subject of SUBJECTS) {
    for (const ctx of CONTEXTS) {
      const old = legacyCheckEmail({ from: 'sl70@acep-cape.ca', subject, body: whole, format: 'html' }, policy, ctx);
      const cut = checkEmail({ from: 'sl70@acep-cape.ca', subject, body: head, quoted: rest, format: 'html' }, policy, ctx);
      const string = checkEmail({ from: 'sl70@acep-cape.ca', subject, body: whole, format: 'html' }, policy, ctx);
      expect(verdict(cut), `${label} / ${subject}`).toEqual(verdict(old));
      expect(verdict(string), `${label} / ${subject} (string path)`).toEqual(verdict(old));
      checked++;
    }
  }
  return checked;
}

/** The body with the notice removed, and with a long history added to its quote (if it has one). */
function variants(body: Element): Array<[string, Element]> {
  const out: Array<[string, Element]> = [['as is', body]];
  const noNotice = bodyOf(body.innerHTML);
  noNotice.querySelectorAll('[data-vigie-signature]').forEach((b) => b.remove());
  out.push(['notice removed', noNotice]);
  const withNotice = bodyOf(`<div>Bonjour,</div>${NOTICE}${body.innerHTML}`);
  out.push(['notice at the top', withNotice]);
  const quoted = bodyOf(`${body.innerHTML}<div class="gmail_quote"><blockquote>${'<p>Un message plus ancien, avec la liste.</p>'.repeat(200)}${NOTICE}</blockquote></div>`);
  out.push(['long quoted history with the notice', quoted]);
  // Text typed straight into the editable element, outside any paragraph, naming the local.
  out.push(['bare text naming the local', bodyOf(`Section locale 70 &amp; co&nbsp;: <b>bonjour</b>${NOTICE}${body.innerHTML}`)]);
  return out;
}

describe('send check cut at the quote element: same verdicts as the whole-markup check', () => {
  const pages = ['gmail', 'outlook'].flatMap((dir) => readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.html')).map((f) => join(dir, f)));

  it.each(pages)('webmail fixture %s', (file) => {
    const bodies = composeBodies(readFileSync(join(FIXTURES, file), 'utf8'));
    let checked = 0;
    for (const [i, body] of bodies.entries()) for (const [name, variant] of variants(body)) checked += compare(variant, `${file} #${i} ${name}`);
    // Pages with no compose body (none today) would make this test vacuous.
    expect(bodies.length).toBeGreaterThan(0);
    expect(checked).toBe(bodies.length * 5 * SUBJECTS.length * CONTEXTS.length);
  });

  /** Fixtures of files the CLI refuses (no mail headers, a picture renamed .eml): nothing to check. */
  const NOT_EMAILS = new Set(['notes-no-headers.eml', 'pixel-renamed.eml']);
  const emails = readdirSync(join(FIXTURES, 'emails')).filter((f) => /\.(eml|html|txt)$/.test(f) && !NOT_EMAILS.has(f));
  it.each(emails)('email fixture %s', async (file) => {
    const { input } = await readEmailFile(file, readFileSync(join(FIXTURES, 'emails', file)));
    for (const subject of [input.subject, ...SUBJECTS]) {
      for (const ctx of CONTEXTS) {
        // The CLI's path: the whole body as a string.
        expect(verdict(checkEmail({ ...input, subject }, policy, ctx)), `${file} / ${subject}`).toEqual(verdict(legacyCheckEmail({ ...input, subject }, policy, ctx)));
      }
    }
    if (input.format === 'html') for (const [name, variant] of variants(bodyOf(input.body))) compare(variant, `${file} ${name}`);
  });
});

describe('quoteStart and cutAtQuote', () => {
  it('finds each marker: Gmail, Outlook (x_ prefix too), Thunderbird, Yahoo, a bare blockquote', () => {
    for (const marker of ['<div class="gmail_quote">', '<div id="appendonsend">', '<div id="x_divRplyFwdMsg">', '<div class="moz-cite-prefix">', '<div class="yahoo_quoted">', '<blockquote type="cite">']) {
      const body = bodyOf(`<p>Nouveau</p><div><span>x</span>${marker}Ancien</div></div>`);
      expect(quoteStart(body)?.outerHTML.startsWith(marker.replace(/>$/, '')), marker).toBe(true);
    }
  });

  it('skips the indent blockquote and a marker word in the text', () => {
    const body = bodyOf('<blockquote style="margin: 0 0 0 40px; border: none; padding: 0px">Retrait</blockquote><p>le mot gmail_quote</p>');
    expect(quoteStart(body)).toBeUndefined();
    expect(cutAtQuote(body)).toEqual({ head: body.innerHTML });
  });

  it('the head is the markup before the quote, ancestors opened; the rest is the quote on', () => {
    const body = bodyOf('<div dir="ltr">x &lt; y<p>A &amp; B</p><div class="gmail_quote"><p>Old</p></div><p>After</p></div><p>Last</p>');
    const { head, rest } = cutAtQuote(body);
    expect(head).toBe('<div dir="ltr">x &lt; y<p>A &amp; B</p>');
    expect(rest?.()).toBe('<div class="gmail_quote"><p>Old</p></div><p>After</p><p>Last</p>');
  });
});
