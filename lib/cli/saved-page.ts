import { parseHTML } from 'linkedom';

/**
 * A page saved with the browser's "Save as" (HTML only, or "Web page, complete": the .html file
 * is read, its _files folder is not needed), parsed in Node with linkedom, a DOM implementation
 * that wxt already brings and whose selector engine (css-select on css-what) reads selectors as
 * the site-pack check does. The adapters are browser code: for as long as `use` runs, the DOM
 * classes they test with `instanceof` and `CSS.escape` are put on the global object, then
 * removed. A saved page has no layout: every element not hidden counts as visible.
 */
export async function withSavedPage<T>(html: string, use: (doc: Document) => T | Promise<T>): Promise<T> {
  const { window, document } = parseHTML(html) as unknown as { window: Record<string, unknown> & { Element: typeof Element }; document: Document };
  const globals: Record<string, unknown> = {
    Node: window.Node,
    Element: window.Element,
    HTMLElement: window.HTMLElement,
    HTMLInputElement: window.HTMLInputElement,
    HTMLSelectElement: window.HTMLSelectElement,
    HTMLTextAreaElement: window.HTMLTextAreaElement,
    HTMLIFrameElement: window.HTMLIFrameElement,
    HTMLAnchorElement: window.HTMLAnchorElement,
    HTMLButtonElement: window.HTMLButtonElement,
    CSS: { escape: cssEscape },
  };
  completeDom(window, document);
  const saved = new Map(Object.keys(globals).map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]));
  for (const [name, value] of Object.entries(globals)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  try {
    return await use(document);
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  }
}

/**
 * What linkedom leaves out and the adapters read, filled in from the attributes a saved page has:
 * layout (`getClientRects`), a select's chosen options, an option's text, a box's checked state.
 */
function completeDom(window: Record<string, unknown>, document: Document): void {
  const patch = (cls: unknown, name: string, get: (this: never) => unknown) => {
    const proto = (cls as { prototype?: object } | undefined)?.prototype;
    if (proto && !Object.getOwnPropertyDescriptor(proto, name)) Object.defineProperty(proto, name, { get, configurable: true });
  };
  const probe = document.createElement('input') as HTMLInputElement;
  if (probe.checked === undefined) patch(window.HTMLInputElement, 'checked', function (this: HTMLInputElement) { return this.hasAttribute('checked'); });
  patch(window.HTMLOptionElement, 'text', function (this: HTMLOptionElement) { return this.textContent ?? ''; });
  patch(window.HTMLSelectElement, 'selectedOptions', function (this: HTMLSelectElement) {
    const options = [...this.querySelectorAll('option')];
    const chosen = options.filter((o) => o.hasAttribute('selected'));
    return chosen.length > 0 || this.multiple ? chosen : options.slice(0, 1);
  });
  const element = (window.Element as { prototype: object }).prototype;
  if (!('getClientRects' in element)) {
    Object.defineProperty(element, 'getClientRects', {
      value(this: Element) {
        return this.closest('[hidden], [style*="display:none"], [style*="display: none"], [aria-hidden="true"]') ? [] : [{}];
      },
    });
  }
}

/** CSS.escape as the CSSOM spec defines it, for ids and names the adapters put into selectors. */
function cssEscape(value: string): string {
  const chars = [...String(value)];
  return chars
    .map((ch, i) => {
      const code = ch.codePointAt(0)!;
      if (code === 0) return '\uFFFD';
      const leadingDigit = /\d/.test(ch) && (i === 0 || (i === 1 && chars[0] === '-'));
      if (code <= 0x1f || code === 0x7f || leadingDigit) return `\\${code.toString(16)} `;
      if (ch === '-' && chars.length === 1) return '\\-';
      return code >= 0x80 || /[\w-]/.test(ch) ? ch : `\\${ch}`;
    })
    .join('');
}
