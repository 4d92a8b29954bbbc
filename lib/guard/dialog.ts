import type { Bilingual, Lang } from '../core/lang';
import { gt, type GuardStringKey } from './strings';
import { DIALOG_CSS } from './dialog-style';

export interface DialogReason {
  message: Bilingual;
  clauses: readonly string[];
}

export interface DialogFix {
  id: string;
  label: Bilingual;
}

export interface DialogSpec {
  lang: Lang;
  title: Bilingual;
  reasons: readonly DialogReason[];
  /** Clause titles from the policy, shown beside each cited clause number. */
  clauseTitles: Readonly<Record<string, { title: Bilingual }>>;
  /** One-click fixes offered first (e.g. "Insert the notice and send"). */
  fixes?: readonly DialogFix[];
  /** An editable line the user can change before a fix uses it (e.g. the local's opening line). */
  editable?: { label: Bilingual; value: string; forFix: string };
  /** Present only where the policy allows going ahead; `required` needs a written justification. */
  override?: { label: Bilingual; justification: 'required' | 'optional' | 'none' };
  /** Extra lines: who to contact, an authorization in force. */
  notes?: readonly Bilingual[];
}

export type DialogResult =
  | { choice: 'cancel' }
  | { choice: 'override'; justification: string }
  | { choice: 'fix'; id: string; value?: string };

/** The shortest justification accepted where one is required. */
export const MIN_JUSTIFICATION = 10;

/**
 * Shows the guard's dialog in a closed shadow root, so the page can neither read nor press it,
 * and resolves with the person's choice. Only trusted events count: a click the page synthesises
 * on the host does not reach the buttons, and one that does is ignored. Page text is only ever
 * set as text. Escape or an abort cancels.
 */
export function showGuardDialog(spec: DialogSpec, signal?: AbortSignal): Promise<DialogResult> {
  return new Promise((resolve) => {
    const host = document.createElement('vigie-dialog');
    const root = host.attachShadow({ mode: 'closed' });
    let lang = spec.lang;
    let settled = false;
    const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;

    const finish = (result: DialogResult): void => {
      if (settled) return;
      settled = true;
      host.remove();
      previousFocus?.focus?.();
      resolve(result);
    };
    signal?.addEventListener('abort', () => finish({ choice: 'cancel' }), { once: true });

    const render = (): void => {
      root.replaceChildren(style(), build(spec, lang, finish, (next) => ((lang = next), render())));
      root.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    };
    render();
    // Keys typed in the dialog stay in the dialog: the page's shortcuts (Gmail's, Outlook's) must not see them.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      host.addEventListener(type, (event) => {
        event.stopPropagation();
        if (type === 'keydown' && (event as KeyboardEvent).key === 'Escape' && event.isTrusted) finish({ choice: 'cancel' });
      });
    }
    (document.body ?? document.documentElement).append(host);
    root.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  });
}

function style(): HTMLStyleElement {
  const el = document.createElement('style');
  el.textContent = DIALOG_CSS;
  return el;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label: string, kind: string, onTrustedClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: kind }, label);
  b.addEventListener('click', (event) => {
    if (event.isTrusted) onTrustedClick();
  });
  return b;
}

function build(spec: DialogSpec, lang: Lang, finish: (r: DialogResult) => void, switchLang: (l: Lang) => void): HTMLElement {
  const s = (key: GuardStringKey, values?: Record<string, string | number>) => gt(lang, key, values);
  const backdrop = el('div', { class: 'backdrop' });
  const dialog = el('div', { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'vigie-title', lang });
  const header = el('header');
  header.append(el('span', { class: 'brand' }, s('brand')), button(s('otherLanguage'), 'link', () => switchLang(lang === 'fr' ? 'en' : 'fr')));
  dialog.append(header, el('h2', { id: 'vigie-title' }, spec.title[lang]));

  const list = el('ul', { class: 'reasons' });
  for (const reason of spec.reasons) {
    const item = el('li', {}, reason.message[lang]);
    for (const clause of reason.clauses) {
      const title = spec.clauseTitles[clause]?.title[lang];
      item.append(el('span', { class: 'clause' }, `${s('clause', { number: clause })}${title ? ` — ${title}` : ''}`));
    }
    list.append(item);
  }
  dialog.append(list);
  for (const note of spec.notes ?? []) dialog.append(el('p', { class: 'note' }, note[lang]));

  let editable: HTMLInputElement | undefined;
  if (spec.editable) {
    const label = el('label', {}, spec.editable.label[lang]);
    editable = el('input', { type: 'text' });
    editable.value = spec.editable.value;
    label.append(editable);
    dialog.append(label);
  }

  let justification: HTMLTextAreaElement | undefined;
  const override = spec.override;
  const error = el('p', { class: 'error', role: 'alert' });
  if (override && override.justification !== 'none') {
    const label = el('label', {}, s(override.justification === 'required' ? 'justificationRequired' : 'justificationOptional'));
    justification = el('textarea', { rows: '3', maxlength: '2000' });
    label.append(justification);
    dialog.append(label, error);
  }

  const actions = el('div', { class: 'actions' });
  (spec.fixes ?? []).forEach((fix, i) => {
    const b = button(fix.label[lang], 'primary', () => finish({ choice: 'fix', id: fix.id, value: spec.editable?.forFix === fix.id ? editable?.value : undefined }));
    if (i === 0) b.setAttribute('data-autofocus', '');
    actions.append(b);
  });
  if (override) {
    actions.append(
      button(override.label[lang], 'secondary', () => {
        const text = justification?.value.trim() ?? '';
        if (override.justification === 'required' && text.length < MIN_JUSTIFICATION) {
          error.textContent = s('justificationTooShort', { min: MIN_JUSTIFICATION });
          justification?.focus();
          return;
        }
        finish({ choice: 'override', justification: text });
      }),
    );
  }
  const cancel = button(s('cancel'), spec.fixes?.length ? 'secondary' : 'primary', () => finish({ choice: 'cancel' }));
  if (!spec.fixes?.length) cancel.setAttribute('data-autofocus', '');
  actions.append(cancel);
  dialog.append(actions);
  backdrop.append(dialog);
  return backdrop;
}
