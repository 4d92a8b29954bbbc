import { MIN_PURPOSE } from './dialog-spec';
import { button, el } from './dialog-dom';
import type { ViewHost } from './dialog-views';
import { gt } from './strings';

/**
 * "Request an authorization": one required field (what it is for), then a message prepared to
 * the authority the policy names for the clause. The message carries the platform, the page's
 * title and the action, never member data; the background writes it and logs the request.
 */
export function requestView(host: ViewHost, status: HTMLElement, sent: boolean): DocumentFragment {
  const { spec, lang } = host;
  const request = spec.request!;
  const s = (key: Parameters<typeof gt>[1], values?: Record<string, string | number>) => gt(lang, key, values);
  const fragment = document.createDocumentFragment();
  const close = button(host, s('close'), sent ? 'primary' : 'secondary', () => host.finish({ choice: 'cancel' }), { ungated: true });
  if (sent) {
    fragment.append(el('p', { class: 'note', role: 'status' }, s('requestPrepared', { authority: request.authority[lang], email: request.email })));
    close.setAttribute('data-autofocus', '');
    const actions = el('div', { class: 'actions' });
    actions.append(close);
    fragment.append(actions);
    return fragment;
  }
  fragment.append(el('p', { id: 'vigie-request-help' }, s('requestHelp', { authority: request.authority[lang], email: request.email })));
  const label = el('label', { for: 'vigie-purpose' }, s('requestPurpose', { min: MIN_PURPOSE }));
  const box = el('textarea', { id: 'vigie-purpose', rows: '3', maxlength: '500', required: '', 'aria-required': 'true', 'aria-describedby': 'vigie-request-help vigie-error', 'data-autofocus': '' });
  const prepare = button(host, s('requestPrepare'), 'primary', () => {
    const purpose = box.value.trim();
    if (purpose.length < MIN_PURPOSE) {
      status.textContent = s('requestPurposeShort', { min: MIN_PURPOSE });
      box.focus();
      return;
    }
    prepare.disabled = true;
    void request.send(purpose).then((ok) => {
      if (ok) return host.show({ step: 'request', sent: true });
      prepare.disabled = false;
      status.textContent = s('requestFailed');
    });
  }, { ungated: true });
  const back = button(host, s('back'), 'secondary', () => host.show({ step: 'main' }), { ungated: true });
  const actions = el('div', { class: 'actions' });
  actions.append(prepare, back, close);
  fragment.append(label, box, status, actions);
  return fragment;
}
