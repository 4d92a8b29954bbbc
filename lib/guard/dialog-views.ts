import type { Lang } from '../core/lang';
import type { DialogResult, DialogSpec } from './dialog-spec';
import type { VisibilityGate } from './dialog-visibility';
import { button, el } from './dialog-dom';
import { justifyView } from './dialog-justify';
import { requestView } from './dialog-request';
import { gt, type GuardStringKey } from './strings';

/** The dialog's steps: the decision, then either the justification or the authorization request. */
export type View = { step: 'main' } | { step: 'justify' } | { step: 'request'; sent?: boolean };

export interface ViewHost {
  spec: DialogSpec;
  lang: Lang;
  gate: VisibilityGate;
  finish: (result: DialogResult) => void;
  show: (view: View) => void;
  switchLang: (lang: Lang) => void;
}

/** Builds the whole content of the `<dialog>` for one step, in one language. */
export function renderView(view: View, host: ViewHost): DocumentFragment {
  const { spec, lang } = host;
  const s = (key: GuardStringKey, values?: Record<string, string | number>) => gt(lang, key, values);
  const fragment = document.createDocumentFragment();
  const header = el('header');
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const switcher = button(host, s('otherLanguage'), 'link', () => host.switchLang(other), { ungated: true });
  switcher.setAttribute('lang', other);
  header.append(el('span', { class: 'brand' }, `${s('brand')} · ${s(spec.tone === 'block' ? 'toneBlock' : 'toneWarn')}`), switcher);
  fragment.append(header, el('h2', { id: 'vigie-title' }, spec.title[lang]));
  fragment.append(reasons(spec, lang));
  const status = el('p', { class: 'error', role: 'alert', id: 'vigie-error' });
  if (view.step === 'justify') fragment.append(justifyView(host, status));
  else if (view.step === 'request') fragment.append(requestView(host, status, view.sent === true));
  else fragment.append(mainView(host, status));
  return fragment;
}

/** What is wrong and which clause says so, with the notes (contact, what was held): the dialog's description. */
function reasons(spec: DialogSpec, lang: Lang): HTMLElement {
  const box = el('div', { id: 'vigie-reasons' });
  const list = el('ul', { class: 'reasons' });
  for (const reason of spec.reasons) {
    const item = el('li', {}, reason.message[lang]);
    for (const clause of reason.clauses) item.append(el('span', { class: 'clause' }, citation(spec, clause, lang)));
    list.append(item);
  }
  box.append(list);
  for (const note of spec.notes ?? []) box.append(el('p', { class: 'note' }, note[lang]));
  return box;
}

/** "Article 7.2 — title", or the title alone where the policy's sections have no numbers. */
export function citation(spec: Pick<DialogSpec, 'clauseTitles' | 'citeByTitle'>, clause: string, lang: Lang): string {
  const title = spec.clauseTitles[clause]?.title[lang];
  if (spec.citeByTitle && title) return gt(lang, 'section', { title });
  return `${gt(lang, 'clause', { number: clause })}${title ? ` — ${title}` : ''}`;
}

function mainView(host: ViewHost, status: HTMLElement): DocumentFragment {
  const { spec, lang } = host;
  const s = (key: GuardStringKey) => gt(lang, key);
  const fragment = document.createDocumentFragment();
  let editable: HTMLInputElement | undefined;
  if (spec.editable) {
    const label = el('label', {}, spec.editable.label[lang]);
    editable = el('input', { type: 'text' });
    editable.value = spec.editable.value;
    label.append(editable);
    fragment.append(label);
  }
  const actions = el('div', { class: 'actions' });
  const primary: HTMLButtonElement[] = [];
  (spec.fixes ?? []).forEach((fix, i) => {
    const b = button(host, fix.label[lang], i === 0 ? 'primary' : 'secondary', () =>
      host.finish({ choice: 'fix', id: fix.id, value: spec.editable?.forFix === fix.id ? editable?.value : undefined }),
    );
    primary.push(b);
    actions.append(b);
  });
  if (spec.request) {
    const b = button(host, s('requestAuthorization'), primary.length ? 'secondary' : 'primary', () => host.show({ step: 'request' }), { ungated: true });
    primary.push(b);
    actions.append(b);
  }
  const override = spec.override;
  if (override) {
    const goAhead = () => (override.justification === 'none' ? host.finish({ choice: 'override', justification: '' }) : host.show({ step: 'justify' }));
    // Opening the justification step is harmless; going ahead without one is the gated press.
    const b = button(host, override.label[lang], 'secondary', goAhead, { ungated: override.justification !== 'none' });
    b.setAttribute('data-opens-justification', '');
    actions.append(b);
  }
  const cancel = button(host, s('cancel'), primary.length ? 'secondary' : 'primary', () => host.finish({ choice: 'cancel' }), { ungated: true });
  actions.append(cancel);
  (primary[0] ?? cancel).setAttribute('data-autofocus', '');
  fragment.append(status, actions);
  return fragment;
}


