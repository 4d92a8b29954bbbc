import { describe, expect, it } from 'vitest';
import { checkEmail, isLocalSectionAccount, signatureBlock, type EmailInput } from '../../../lib/core/email/check-email';
import { FindingId, parsePolicy } from '../../../lib/core/policy';
import { EN, FR, SECTION_70, escapeHtml, gmailReply, noticeIn, outlookReply, policy } from './helpers';

const sig = signatureBlock(policy, SECTION_70);
const mail = (body: string, over: Partial<EmailInput> = {}): EmailInput => ({ from: 'Section locale 70 <sl70@acep-cape.ca>', subject: 'Section locale 70 : assemblée', body, format: 'html', ...over });
const rules = (input: EmailInput, ctx = {}) => checkEmail(input, policy, { section: SECTION_70, ...ctx }).findings.map((f) => f.rule);

describe('isLocalSectionAccount', () => {
  it('matches the policy account patterns on the whole address, ignoring case and display names', () => {
    expect(isLocalSectionAccount('sl70@acep-cape.ca', policy)).toBe(true);
    expect(isLocalSectionAccount('"Section locale 70" <SL70@ACEP-CAPE.CA>', policy)).toBe(true);
    expect(isLocalSectionAccount('Local 512 <local512@acep-cape.ca>', policy)).toBe(true);
    expect(isLocalSectionAccount('mailto:sl70@acep-cape.ca', policy)).toBe(true);
  });

  it('refuses look-alikes', () => {
    expect(isLocalSectionAccount('sl70@acep-cape.ca.example.org', policy)).toBe(false);
    expect(isLocalSectionAccount('xsl70@acep-cape.ca', policy)).toBe(false);
    expect(isLocalSectionAccount('sl70@evil@acep-cape.ca', policy)).toBe(false);
    expect(isLocalSectionAccount('julie.roy@acep-cape.ca', policy)).toBe(false);
    expect(isLocalSectionAccount('', policy)).toBe(false);
  });

  it('accepts the grant accounts exactly, ignoring case', () => {
    expect(isLocalSectionAccount('Exec <President.SL70@Example.org>', policy, ['president.sl70@example.org'])).toBe(true);
    expect(isLocalSectionAccount('vice.sl70@example.org', policy, ['president.sl70@example.org'])).toBe(false);
  });
});

describe('checkEmail', () => {
  it('an out-of-scope sender is not checked', () => {
    expect(checkEmail(mail('<p>rien</p>', { from: 'julie@example.org' }), policy, {})).toEqual({ compliant: true, inScope: false, findings: [] });
  });

  it('everySenderInScope checks any sender', () => {
    expect(checkEmail(mail('<p>rien</p>', { from: '' }), policy, { everySenderInScope: true }).inScope).toBe(true);
  });

  it('a compliant Gmail reply: identification at the start, Vigie signature above the quote', () => {
    const result = checkEmail(mail(gmailReply(`<p>Bonjour,</p><p>Voici l'ordre du jour.</p>${sig.html}`, '<p>Question?</p>')), policy, { section: SECTION_70 });
    expect(result).toEqual({ compliant: true, inScope: true, findings: [] });
  });

  it('a compliant plain-text message using the text signature', () => {
    expect(rules(mail(`Bonjour,\nLa Section locale 70 vous écrit.\n\n${sig.text}\n`, { subject: 'Info', format: 'text' }))).toEqual([]);
  });

  it('reports each problem with its rule id and the clause from the policy', () => {
    const result = checkEmail(mail(outlookReply('Votez pour Marie.', `<p>${escapeHtml(FR)}</p>`), { subject: 'Re: sondage' }), policy, { section: SECTION_70 });
    expect(result.compliant).toBe(false);
    expect(result.findings.map((f) => [f.rule, f.clause])).toEqual([
      ['notice-only-in-quote', '9.2'],
      ['local-id-missing', '9.1'],
      ['campaign-term', '8.1.e'],
    ]);
    expect(result.findings[2]!.terms).toEqual(['votez pour']);
  });

  it('notice-missing and notice-altered', () => {
    expect(rules(mail('<p>Bonjour</p>'))).toEqual(['notice-missing']);
    expect(rules(mail(`<p>${escapeHtml(EN.replace('Several', 'Some'))}</p>`))).toEqual(['notice-altered']);
  });

  it('finding ids are the policy’s FindingId values', () => {
    const all = checkEmail(mail(gmailReply('Votez pour X', escapeHtml(FR)), { subject: '' }), policy, { section: SECTION_70 }).findings;
    for (const f of all) expect(FindingId.options).toContain(f.rule);
  });

  it('no campaign finding when the policy has no lexicon', () => {
    const noLexicon = parsePolicy({ ...policy, campaignLexicon: undefined });
    const result = checkEmail(mail(`<p>Votez pour Marie</p>${sig.html}`), noLexicon, { section: SECTION_70 });
    expect(result.findings).toEqual([]);
  });

  it('messages are complete in French and English and say what to do', () => {
    const result = checkEmail(mail(outlookReply('Votez pour Marie.', escapeHtml(FR)), { subject: '' }), policy, { section: SECTION_70 });
    for (const f of [...result.findings, ...checkEmail(mail('<p>x</p>'), policy, {}).findings, ...checkEmail(mail(`<p>${FR.slice(0, 200)}</p>`), policy, {}).findings]) {
      expect(f.message.fr.length).toBeGreaterThan(60);
      expect(f.message.en.length).toBeGreaterThan(60);
      expect(f.message.fr).not.toBe(f.message.en);
      expect(f.message.fr).not.toMatch(/\{\w+\}|undefined/);
      expect(f.message.en).not.toMatch(/\{\w+\}|undefined/);
    }
    const local = result.findings.find((f) => f.rule === 'local-id-missing')!;
    expect(local.message.fr).toContain('« Section locale 70 »');
    expect(local.message.en).toContain('(CAPE National Office)');
    const campaign = result.findings.find((f) => f.rule === 'campaign-term')!;
    expect(campaign.message.fr).toContain('« votez pour »');
  });

  it('a 300 KB thread with the notice only deep in the history is still found', () => {
    const history = '<div><p>bla bla</p><table><tr><td>x</td></tr></table></div>'.repeat(5000);
    expect(rules(mail(gmailReply('Merci.', `${history}<p>${escapeHtml(FR)}</p>`), { subject: 'SL 70' }))).toEqual(['notice-only-in-quote']);
  });
});

describe('signatureBlock', () => {
  it('bilingual: section names, then the French notice, then the English one', () => {
    const { html, text } = signatureBlock(policy, SECTION_70);
    expect(html.startsWith('<div data-vigie-signature="1">')).toBe(true);
    expect(text.indexOf('Section locale 70 – Ottawa')).toBe(0);
    expect(text.indexOf('AVIS')).toBeLessThan(text.indexOf('NOTICE'));
    expect(text).toContain(FR);
    expect(text).toContain(EN);
  });

  it('passes the notice detector in HTML and text, in every signature language', () => {
    for (const signatureLanguage of ['fr', 'en', 'bilingual'] as const) {
      const p = { ...policy, notice: { ...policy.notice, signatureLanguage } };
      const block = signatureBlock(p, SECTION_70);
      expect(noticeIn(`<p>Bonjour</p>${block.html}`)).toBe('present');
      expect(noticeIn(`Bonjour\n\n${block.text}`, 'text')).toBe('present');
    }
  });

  it('uses only the chosen language', () => {
    const fr = signatureBlock({ ...policy, notice: { ...policy.notice, signatureLanguage: 'fr' } }, SECTION_70);
    expect(fr.text).toContain(FR);
    expect(fr.text).not.toContain(EN);
    expect(fr.text).not.toContain('Local 70 – Ottawa');
  });

  it('escapes every piece of text as HTML', () => {
    const evil = { number: '70', name: { fr: '<img src=x onerror="alert(1)"> & Cie', en: "L'\"autre\"" } };
    const { html } = signatureBlock(policy, evil);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; Cie');
    expect(html).toContain('&#39;');
  });

  it('names the section from the first pattern when it has no name', () => {
    expect(signatureBlock(policy, { number: '512' }).text.split('\n')[0]).toBe('Section locale 512');
  });
});

describe('the opening is read before the signature', () => {
  it('does not take the signature block’s name line for an opening that names the local', async () => {
    const { checkEmail, signatureBlock } = await import('../../../lib/core/email/check-email');
    const { DEFAULT_POLICY } = await import('../../../lib/packs');
    const section = { number: '70', name: { fr: 'Section locale 70 – Ottawa', en: 'Local 70 – Ottawa' } };
    const block = signatureBlock(DEFAULT_POLICY, section).html;
    const ctx = { section, everySenderInScope: true };
    const bare = checkEmail({ from: '', subject: 'Réunion', body: `<div>Bonjour à toutes et à tous,</div>${block}`, format: 'html' }, DEFAULT_POLICY, ctx);
    expect(bare.findings.map((f) => f.rule)).toEqual(['local-id-missing']);
    const named = checkEmail({ from: '', subject: 'Réunion', body: `<div>La Section locale 70 vous invite.</div>${block}`, format: 'html' }, DEFAULT_POLICY, ctx);
    expect(named.compliant).toBe(true);
    const text = checkEmail({ from: '', subject: 'Réunion', body: `Bonjour,\n-- \nSection locale 70\n`, format: 'text' }, DEFAULT_POLICY, ctx);
    expect(text.findings.map((f) => f.rule)).toContain('local-id-missing');
  });
});
