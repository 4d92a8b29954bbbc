import { MIN_JUSTIFICATION, VIGIE_WRONG, type OverrideReason } from './dialog-spec';
import { button, el } from './dialog-dom';
import type { ViewHost } from './dialog-views';
import { GUARD_STRINGS, gt } from './strings';

const OTHER = 'other';

/**
 * The step after "Send anyway": why, in a few words. The policy's own reasons, "Vigie is wrong
 * here" and "another reason" to pick from, and a text box whose minimum length is stated before
 * anyone types. A picked reason of the policy is enough; "Vigie is wrong" and "another reason"
 * need the text. What was picked and written goes to the log.
 */
export function justifyView(host: ViewHost, status: HTMLElement): DocumentFragment {
  const { spec, lang } = host;
  const override = spec.override!;
  const required = override.justification === 'required';
  const s = (key: Parameters<typeof gt>[1], values?: Record<string, string | number>) => gt(lang, key, values);
  const reasons: OverrideReason[] = [...(override.reasons ?? []), { id: VIGIE_WRONG, text: GUARD_STRINGS.vigieWrong }, { id: OTHER, text: GUARD_STRINGS.otherReason }];
  const fragment = document.createDocumentFragment();
  const fieldset = el('fieldset');
  fieldset.append(el('legend', {}, s(required ? 'whyRequired' : 'whyOptional')));
  reasons.forEach((reason, i) => {
    const label = el('label', { class: 'choice' });
    const radio = el('input', { type: 'radio', name: 'vigie-reason', value: reason.id, id: `vigie-reason-${i}` });
    label.append(radio, document.createTextNode(` ${reason.text[lang]}`));
    fieldset.append(label);
  });
  const label = el('label', { for: 'vigie-justification' }, s(required ? 'justificationLabel' : 'justificationOptionalLabel', { min: MIN_JUSTIFICATION }));
  const box = el('textarea', { id: 'vigie-justification', rows: '3', maxlength: '1500', 'aria-describedby': 'vigie-error' });
  const confirm = button(host, override.label[lang], 'primary', () => {
    const picked = reasons.find((r) => (fieldset.querySelector<HTMLInputElement>(`input[value="${r.id}"]`)?.checked ?? false));
    const written = box.value.trim();
    const needsText = required && (!picked || picked.id === VIGIE_WRONG || picked.id === OTHER);
    if (needsText && written.length < MIN_JUSTIFICATION) {
      status.textContent = s('justificationTooShort', { min: MIN_JUSTIFICATION });
      box.focus();
      return;
    }
    const said = picked && picked.id !== OTHER ? `[${picked.id}] ${picked.text[lang]}` : '';
    host.finish({ choice: 'override', justification: [said, written].filter(Boolean).join(' — ') });
  });
  const back = button(host, s('back'), 'secondary', () => host.show({ step: 'main' }), { ungated: true });
  const cancel = button(host, s('cancel'), 'secondary', () => host.finish({ choice: 'cancel' }), { ungated: true });
  fieldset.querySelector('input')?.setAttribute('data-autofocus', '');
  const actions = el('div', { class: 'actions' });
  actions.append(confirm, back, cancel);
  fragment.append(fieldset, label, box, status, actions);
  return fragment;
}
