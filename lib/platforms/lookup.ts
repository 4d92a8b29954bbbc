import type { Found } from './types';

/**
 * A selector with its fallbacks, as each platform's selectors file declares them: roles, ARIA and
 * stable attributes first, French and English labels next, the site's obfuscated class names last.
 */
export interface SelectorChain {
  /** What it finds and why these selectors, in one line; not in the part a content script bundles. */
  readonly why?: string;
  readonly fallbacks: readonly string[];
}

/** A lookup that had to succeed did not: names the platform and the selector, for the health report. */
export class SelectorError extends Error {
  constructor(
    readonly platform: string,
    readonly selector: string,
  ) {
    super(`${platform}: nothing matches the "${selector}" selector`);
    this.name = 'SelectorError';
  }
}

/**
 * `querySelectorAll` that finds nothing for a selector this browser refuses. Site packs are
 * checked before they are accepted (lib/core/css-selector.ts), but one engine may still refuse
 * what another accepts; one such fallback must not break the chain or the guard.
 */
export function queryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  try {
    return [...root.querySelectorAll<T>(selector)];
  } catch {
    return [];
  }
}

/** `root.querySelector(selector)`, `null` for a selector this browser refuses (see queryAll). */
export function queryOne<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  try {
    return root.querySelector<T>(selector);
  } catch {
    return null;
  }
}

/** `el.closest(selector)`, `null` for a selector this browser refuses (see queryAll). */
export function closestOf<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  try {
    return el.closest(selector as never) as T | null;
  } catch {
    return null;
  }
}

/** `el.matches(selector)`, false for a selector this browser refuses (see queryAll). */
export function matchesSafely(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** The first element that the first matching fallback finds, optionally filtered. */
export function first<T extends Element = HTMLElement>(root: ParentNode, chain: SelectorChain, accept: (el: T) => boolean = () => true): Found<T> | undefined {
  for (const [fallback, selector] of chain.fallbacks.entries()) {
    for (const element of queryAll<T>(root, selector)) {
      if (accept(element)) return { element, fallback };
    }
  }
  return undefined;
}

/** Every element of the first fallback that finds any (fallbacks are alternatives, not a union). */
export function all<T extends Element = HTMLElement>(root: ParentNode, chain: SelectorChain, accept: (el: T) => boolean = () => true): T[] {
  for (const selector of chain.fallbacks) {
    const found = queryAll<T>(root, selector).filter(accept);
    if (found.length > 0) return found;
  }
  return [];
}

/** The nearest ancestor-or-self that the first matching fallback finds. */
export function closest<T extends Element = HTMLElement>(el: Element, chain: SelectorChain): Found<T> | undefined {
  for (const [fallback, selector] of chain.fallbacks.entries()) {
    const element = closestOf<T>(el, selector);
    if (element) return { element, fallback };
  }
  return undefined;
}

/**
 * The control a pressed node belongs to: the nearest ancestor-or-self the chain finds that `named`
 * accepts, walking past unnamed matches (an icon or image that has a role of its own but no label).
 */
export function namedControl<T extends Element = HTMLElement>(el: Element, chain: SelectorChain, named: (control: T) => boolean, levels = 12): T | undefined {
  let node: Element | null = el;
  for (let i = 0; node && i < levels; i++) {
    const control: T | undefined = closest<T>(node, chain)?.element;
    if (!control) return undefined;
    if (named(control)) return control;
    node = control.parentElement;
  }
  return undefined;
}

/** The invisible bidi marks Gmail wraps around "(Ctrl-Enter)" in its Send label (U+202A–U+202E, U+2066–U+2069). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g;

/** A label as compared: bidi marks gone, curly apostrophes straight, spaces (NBSP too) collapsed. */
export function normaliseLabel(text: string): string {
  return text.replace(BIDI, '').replace(/[\u2018\u2019\u02BC]/g, "'").replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}

/** What a control says: its aria-label, else its tooltip or title, else its text. */
export function labelOf(el: Element): string {
  const raw = el.getAttribute('aria-label') || el.getAttribute('data-tooltip') || el.getAttribute('title') || el.textContent || '';
  return normaliseLabel(raw);
}

/**
 * Whether a label starts with one of `prefixes` as whole words, ignoring case: "Send (Ctrl-Enter)"
 * starts with "Send", "Sender" does not.
 */
export function startsWithWord(label: string, prefixes: readonly string[]): boolean {
  const l = label.toLocaleLowerCase();
  return prefixes.some((p) => {
    const q = p.toLocaleLowerCase();
    return l.startsWith(q) && !/[\p{L}\p{N}]/u.test(l.charAt(q.length));
  });
}

/** Whether one of `words` is a whole word of `label`, ignoring case ("Send test" holds "test", "Contest" does not). */
export function containsWord(label: string, words: readonly string[]): boolean {
  const tokens = new Set(label.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u));
  return words.some((w) => tokens.has(w.toLocaleLowerCase()));
}

/** The first email address in a text (a title, an account button's label), lowercased. */
export function emailIn(text: string | null | undefined): string | undefined {
  return /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(text ?? '')?.[0]?.toLowerCase();
}

/** Walks up from `el` (at most `levels` steps) to the first ancestor `test` accepts. */
export function ancestorWhere(el: Element, test: (ancestor: Element) => boolean, levels = 30): Element | undefined {
  let node: Element | null = el.parentElement;
  for (let i = 0; node && i < levels; i++, node = node.parentElement) {
    if (test(node)) return node;
  }
  return undefined;
}

/** The first kind in `labels` (in its order) one of whose prefixes starts `label`. */
export function kindOfLabel<K extends string>(label: string, labels: Readonly<Record<K, readonly string[]>>): K | undefined {
  for (const kind of Object.keys(labels) as K[]) {
    if (startsWithWord(label, labels[kind])) return kind;
  }
  return undefined;
}
