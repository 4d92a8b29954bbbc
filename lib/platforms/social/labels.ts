/**
 * Publish controls by what a person reads on them, French and English: the whole label, so a
 * "Share" inside a sentence or "Post settings" is not one. Shared by the social adapters.
 */
const PUBLISH_LABEL = /^(?:post|publish|publish now|share|tweet|post all|publier|publier maintenant|partager|tout publier|poster)$/i;

export function labelOf(el: Element): string {
  const text = el.getAttribute('aria-label') || el.textContent || '';
  return text.replace(/\s+/g, ' ').trim();
}

export function isPublishLabel(label: string): boolean {
  return PUBLISH_LABEL.test(label);
}

/** The nearest button-like ancestor of an event target. */
export function buttonOf(target: Element): HTMLElement | undefined {
  return target.closest<HTMLElement>('button, [role="button"], input[type="submit"]') ?? undefined;
}

/** The first non-empty text (or aria-label) of the first fallback that finds one, with its index. */
export function readName(root: ParentNode, fallbacks: readonly string[], clean: (s: string) => string = (s) => s): { element: HTMLElement; fallback: number; name: string } | undefined {
  for (const [fallback, selector] of fallbacks.entries()) {
    for (const element of root.querySelectorAll<HTMLElement>(selector)) {
      const name = clean(labelOf(element));
      if (name) return { element, fallback, name };
    }
  }
  return undefined;
}
