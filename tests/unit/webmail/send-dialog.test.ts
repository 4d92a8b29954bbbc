import { describe, expect, it } from 'vitest';
import { decide } from '../../../lib/core/decide';
import { checkEmail, signatureBlock } from '../../../lib/core/email/check-email';
import type { GuardContext } from '../../../lib/guard/context-types';
import { GUARD_STRINGS } from '../../../lib/guard/strings';
import { DEFAULT_POLICY } from '../../../lib/packs';
import { checkContextOf, domainOf, inScope } from '../../../lib/webmail/scope';
import type { SendCheck } from '../../../lib/webmail/send-check';
import { checkFields } from '../../../lib/webmail/send-check';
import { SEND_STRINGS } from '../../../lib/webmail/send-strings';
import { FIX_ALL, FIX_NOTICE, FIX_OPENING, sendDialogSpec } from '../../../lib/webmail/send-dialog';
import { NOW, sampleGrant } from '../helpers';

const policy = DEFAULT_POLICY;
const grant = sampleGrant();
const ctx = (lang: 'fr' | 'en', withGrant = true): GuardContext => ({ lang, policy, grant: withGrant ? grant : undefined, grantStatus: withGrant ? 'valid' : 'missing', platform: 'gmail' });

function check(body: string, c: GuardContext, subject = ''): SendCheck {
  const result = checkEmail({ from: 'sl70@acep-cape.ca', subject, body, format: 'html' }, policy, checkContextOf(c));
  const decision = decide({ surface: 'send', platform: 'gmail', findings: result.findings.map((f) => f.rule) }, policy, c.grant, NOW);
  return { ctx: c, sender: 'sl70@acep-cape.ca', result, decision, outcome: decision.verdict === 'allow' ? 'pass' : 'stop' };
}

describe('the send dialog', () => {
  it('a missing notice: blocked, clause 9.2, the check’s plain words, "Insert the notice and send", no override', () => {
    const spec = sendDialogSpec(check('<div>Section locale 70 : bonjour</div>', ctx('fr')) as never);
    expect(spec.title).toEqual(SEND_STRINGS.sendBlockedTitle);
    expect(spec.reasons).toHaveLength(1);
    expect(spec.reasons[0]!.clauses).toEqual(['9.2']);
    expect(spec.reasons[0]!.message.fr).toMatch(/Il manque l’avis obligatoire/);
    expect(spec.fixes?.map((f) => f.id)).toEqual([FIX_NOTICE]);
    expect(spec.override).toBeUndefined();
  });

  it('no local id at the start: a warning, the editable opening line in the person’s language, Send anyway with a required justification', () => {
    const long = `<div>${'Texte sans mention du syndicat. '.repeat(12)}</div>${signatureBlock(policy, { number: '70', name: grant.section!.name }).html}`;
    const fr = sendDialogSpec(check(long, ctx('fr')) as never);
    expect(fr.title).toEqual(SEND_STRINGS.sendWarnTitle);
    expect(fr.fixes?.map((f) => f.id)).toEqual([FIX_OPENING]);
    expect(fr.editable).toEqual({ label: SEND_STRINGS.openingLineLabel, value: 'Message de la Section locale 70 – Ottawa', forFix: FIX_OPENING });
    expect(fr.override).toMatchObject({ label: GUARD_STRINGS.sendAnyway, justification: 'required' });
    // The policy's predefined reasons for a send (the dialog adds "Vigie is wrong here" itself).
    expect(fr.override?.reasons?.map((r) => r.id)).toEqual(['local-named-elsewhere']);
    expect(sendDialogSpec(check(long, ctx('en')) as never).editable?.value).toBe('Message from Local 70 – Ottawa');
    expect(sendDialogSpec(check(long, ctx('fr', false)) as never).editable?.value).toBe('Message de la Section locale');
  });

  it('several problems: one primary fix, "Fix everything and send", carrying the editable opening line', () => {
    const long = `<div>${'Texte sans mention du syndicat. '.repeat(12)}</div>`;
    const spec = sendDialogSpec(check(long, ctx('fr')) as never);
    expect(spec.reasons.map((r) => r.clauses[0])).toEqual(['9.2', '9.1']);
    expect(spec.fixes).toEqual([{ id: FIX_ALL, label: SEND_STRINGS.fixAllAndSend }]);
    expect(spec.editable?.forFix).toBe(FIX_ALL);
    expect(spec.tone).toBe('block');
  });

  it('a fix says "and send" only when it leaves nothing else to settle', () => {
    const spec = sendDialogSpec(check('<div>Section locale 70 : bonjour, votez pour Marie</div>', ctx('fr')) as never);
    expect(spec.fixes).toEqual([{ id: FIX_NOTICE, label: SEND_STRINGS.insertNotice }]);
    expect(spec.fixes![0]!.label.fr).not.toMatch(/envoyer/);
  });

  it('logs rules, clauses, findings and the sender’s domain, never content or the address', () => {
    const fields = checkFields(check('<div>Section locale 70 : bonjour, votez pour Marie</div>', ctx('fr')));
    expect(fields).toEqual({ verdict: 'block', ruleIds: ['notice-missing', 'campaign-term'], clauses: ['9.2', '8.1.e'], findings: ['notice-missing', 'campaign-term'], senderDomain: 'acep-cape.ca' });
    expect(JSON.stringify(fields)).not.toMatch(/sl70|Marie|bonjour/);
  });
});

describe('the sender’s scope', () => {
  it('a grant account or the policy’s patterns are in scope; a personal address or none is not', () => {
    expect(inScope('Section locale 70 <sl70@acep-cape.ca>', ctx('fr'))).toBe(true);
    expect(inScope('local12@acep-cape.ca', ctx('fr', false))).toBe(true);
    expect(inScope('camille.roy@example.org', ctx('fr'))).toBe(false);
    expect(inScope(undefined, ctx('fr'))).toBe(false);
    expect(domainOf('Section locale 70 <SL70@ACEP-cape.ca>')).toBe('acep-cape.ca');
    expect(domainOf(undefined)).toBeUndefined();
  });
});

describe('the signature block without a section', () => {
  it('a policy-pattern account with no grant gets the notice without a name line', () => {
    const block = signatureBlock(policy);
    expect(block.html).toMatch(/^<div data-vigie-signature="1"><p><strong>AVIS<\/strong>/);
    expect(block.text.startsWith('AVIS\n')).toBe(true);
    const input = { from: 'sl12@acep-cape.ca', subject: 'Section locale 12', body: `<div>Bonjour</div>${block.html}`, format: 'html' as const };
    expect(checkEmail(input, policy).compliant).toBe(true);
  });
});
