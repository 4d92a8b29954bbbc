import { gt } from './strings';
import type { ViewHost } from './dialog-views';

/** An element with attributes and, if given, text: page and policy text is only ever set as text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (content !== undefined) node.textContent = content;
  return node;
}

export const text = (content: string): Text => document.createTextNode(content);

/**
 * A dialog button that acts on trusted presses only. A press that goes ahead with what the policy
 * guards (a fix that sends, an override) also needs the dialog to be really seen
 * (VisibilityGate); presses that only go back, cancel or open a step (`ungated`) do not.
 */
export function button(host: Pick<ViewHost, 'gate' | 'lang'>, label: string, kind: string, onPress: () => void, options: { ungated?: boolean } = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', class: kind }, label);
  b.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    if (!options.ungated && !host.gate.allows()) {
      const status = (b.getRootNode() as ShadowRoot | Document).getElementById?.('vigie-error');
      if (status) status.textContent = gt(host.lang, 'notSeen');
      return;
    }
    onPress();
  });
  return b;
}
