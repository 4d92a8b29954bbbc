import { describe, expect, it } from 'vitest';
import { decide } from '../../../lib/core/decide';
import { approvedOption, approvedWrapper, checkEmailStep } from '../../../lib/organizing/email-step-check';
import { DEFAULT_POLICY } from '../../../lib/packs';
import type { EmailStepView } from '../../../lib/platforms/types';
import { NOW, sampleGrant } from '../helpers';

const NOTICE = `<div class="notice"><p><strong>AVIS</strong> ${DEFAULT_POLICY.notice.text.fr}</p><p><strong>NOTICE</strong> ${DEFAULT_POLICY.notice.text.en}</p></div>`;
const BODY = '<p>Bonjour,</p><p>La Section locale 70 vous convie à son assemblée générale le 12 décembre.</p>';
const SECTION = { number: '70', name: { fr: 'Section locale 70 – Ottawa', en: 'Local 70 – Ottawa' } };

function view(overrides: Partial<EmailStepView> = {}): EmailStepView {
  return {
    wrapper: 'Section locale 70 – bannière',
    wrapperOptions: ['Par défaut', 'Section locale 70 – bannière', 'Gabarit national ACEP'],
    previewHtml: `<div>${BODY}</div><div><p>Se désabonner</p></div>`,
    subject: 'Assemblée générale du 12 décembre',
    fromName: 'Section locale 70 – Ottawa',
    ...overrides,
  };
}

const check = (v: EmailStepView) => checkEmailStep(v, DEFAULT_POLICY, 'action-network', SECTION);

describe('the Action Network send step (clauses 9.2 and 9.1)', () => {
  it('a wrapper the policy does not approve, and no notice in the preview: notice missing → blocked', () => {
    expect(check(view())).toEqual(['notice-missing']);
    expect(decide({ surface: 'send', platform: 'action-network', findings: check(view()) }, DEFAULT_POLICY, sampleGrant(), NOW).verdict).toBe('block');
  });

  it('an approved wrapper passes by name, in either language and whatever the spacing or case', () => {
    expect(check(view({ wrapper: 'Gabarit national ACEP' }))).toEqual([]);
    expect(check(view({ wrapper: 'cape  NATIONAL template' }))).toEqual([]);
    expect(approvedWrapper(undefined, DEFAULT_POLICY, 'action-network')).toBe(false);
    expect(approvedWrapper('Gabarit national ACEP', DEFAULT_POLICY, 'action-builder')).toBe(false);
  });

  it('an unknown wrapper passes when the rendered preview carries the notice', () => {
    expect(check(view({ previewHtml: `${BODY}${NOTICE}` }))).toEqual([]);
  });

  it('a notice cut short in the preview is an altered notice', () => {
    const cut = `${BODY}<p>${DEFAULT_POLICY.notice.text.fr.slice(0, 200)}</p>`;
    expect(check(view({ previewHtml: cut }))).toEqual(['notice-altered']);
  });

  it('the local is named by the subject, the From name or the opening of the preview', () => {
    const anonymous = { fromName: 'Camille Roy', subject: 'Assemblée générale', previewHtml: '<p>Bonjour,</p><p>Notre assemblée a lieu le 12 décembre.</p>', wrapper: 'Gabarit national ACEP' };
    expect(check(view(anonymous))).toEqual(['local-id-missing']);
    expect(check(view({ ...anonymous, subject: 'SL 70 : assemblée générale' }))).toEqual([]);
    expect(check(view({ ...anonymous, fromName: 'Section locale 70 – Ottawa' }))).toEqual([]);
    expect(check(view({ ...anonymous, previewHtml: '<table><tr><td>ACEP · Section locale 70</td></tr></table><p>Bonjour</p>' }))).toEqual([]);
    expect(decide({ surface: 'send', platform: 'action-network', findings: ['local-id-missing'] }, DEFAULT_POLICY, sampleGrant(), NOW)).toMatchObject({ verdict: 'warn', override: { allowed: true, justification: 'required' } });
  });

  it('offers the first approved wrapper the chooser has, for the one-click fix', () => {
    expect(approvedOption(view(), DEFAULT_POLICY, 'action-network')).toBe('Gabarit national ACEP');
    expect(approvedOption(view({ wrapperOptions: ['Par défaut'] }), DEFAULT_POLICY, 'action-network')).toBeUndefined();
  });
});
