import { queryAll } from '../lookup';
import { labelList, type SitePlatform } from '../site-lookups';

export function labelOf(el: Element): string {
  const text = el.getAttribute('aria-label') || el.textContent || '';
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Publish controls by what a person reads on them, French and English (the network's
 * `labels.publish` in the site pack): the whole label, case aside, so a "Share" inside a sentence
 * or "Post settings" is not one.
 */
export function isPublishLabel(label: string, platform: Extract<SitePlatform, 'facebook' | 'instagram' | 'x' | 'youtube'> = 'facebook'): boolean {
  const l = label.toLocaleLowerCase();
  return labelList(platform, 'publish').some((word) => word.toLocaleLowerCase() === l);
}

/** The nearest button-like ancestor of an event target. */
export function buttonOf(target: Element): HTMLElement | undefined {
  return target.closest<HTMLElement>('button, [role="button"], input[type="submit"]') ?? undefined;
}

/** The first non-empty text (or aria-label) of the first fallback that finds one, with its index. */
export function readName(root: ParentNode, fallbacks: readonly string[], clean: (s: string) => string = (s) => s): { element: HTMLElement; fallback: number; name: string } | undefined {
  for (const [fallback, selector] of fallbacks.entries()) {
    for (const element of queryAll<HTMLElement>(root, selector)) {
      const name = clean(labelOf(element));
      if (name) return { element, fallback, name };
    }
  }
  return undefined;
}
