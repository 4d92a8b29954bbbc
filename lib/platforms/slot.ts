import type { Slot } from './types';

/**
 * Where a disclaimer signature goes, given what the site put in the body: right after the site's
 * own signature (as its next sibling: beside it, never inside it) when that signature is above the
 * quote; else just above the quoted thread, at the body's top level; else at the end of the body.
 */
export function signatureSlot(body: HTMLElement, siteSignature: Element | undefined, quote: Element | undefined): Slot {
  const quoteTop = quote && topLevel(body, quote);
  if (siteSignature?.parentNode && body.contains(siteSignature) && !(quoteTop && (quoteTop === siteSignature || quoteTop.contains(siteSignature)))) {
    return { parent: siteSignature.parentNode, before: siteSignature.nextSibling };
  }
  if (quoteTop) return { parent: body, before: quoteTop };
  return { parent: body, before: null };
}

/** The child of `body` that holds `node`. */
export function topLevel(body: HTMLElement, node: Node): Node | undefined {
  let current: Node | null = node;
  while (current && current.parentNode !== body) current = current.parentNode;
  return current ?? undefined;
}
