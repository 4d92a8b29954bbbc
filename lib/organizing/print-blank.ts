import { ORGANIZING_STRINGS } from './strings';

/** What Vigie sets on each top-level box while a printout must stay blank, and what it was before. */
const HIDE = [
  ['display', 'none'],
  // A page transition on `display` (allow-discrete) would otherwise keep the old value on paper.
  ['transition', 'none'],
] as const;

type Saved = Map<string, [string, string]>;

/**
 * Blanks the printout of this document until `restore()`: every element child of `<html>` (the
 * body, and anything a page put beside it) gets `display: none !important` in its own style
 * attribute — no style sheet of the page, whatever its specificity, `!important` or layer, can
 * show what is inside a box that is not displayed, and a style attribute's `!important` out-ranks
 * every style sheet. A notice says why. If a page handler (its own `beforeprint`, after Vigie's)
 * removes or changes any of it, or adds a new child, a mutation observer puts it back before the
 * browser lays the printout out: observers run between event listeners, printing after the last.
 */
export function blankPrintout(doc: Document = document): { restore: () => void } {
  const root = doc.documentElement;
  const saved = new Map<Element, Saved>();
  const notice = printNotice(doc);

  const hide = (el: Element) => {
    if (el === notice || el === doc.head || !(el instanceof HTMLElement || el instanceof SVGElement)) return;
    const style = (el as HTMLElement).style;
    if (!saved.has(el)) saved.set(el, new Map(HIDE.map(([p]) => [p, [style.getPropertyValue(p), style.getPropertyPriority(p)]])));
    for (const [property, value] of HIDE) {
      if (style.getPropertyValue(property) !== value || style.getPropertyPriority(property) !== 'important') style.setProperty(property, value, 'important');
    }
  };
  const enforce = () => {
    for (const child of root.children) hide(child);
    if (notice.parentNode !== root) root.append(notice);
    notice.style.setProperty('display', 'block', 'important');
  };
  enforce();
  const observer = new MutationObserver(enforce);
  observer.observe(root, { childList: true });
  for (const child of root.children) observer.observe(child, { attributes: true, attributeFilter: ['style'] });
  // A child added later is watched too (the observer above sees it arrive).
  const watchNew = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) observer.observe(n, { attributes: true, attributeFilter: ['style'] });
  });
  watchNew.observe(root, { childList: true });

  return {
    restore() {
      observer.disconnect();
      watchNew.disconnect();
      notice.remove();
      for (const [el, props] of saved) {
        const style = (el as HTMLElement).style;
        for (const [property, [value, priority]] of props) {
          if (value) style.setProperty(property, value, priority);
          else style.removeProperty(property);
        }
        if (style.length === 0) el.removeAttribute('style');
      }
    },
  };
}

/** The paper says why, in both languages, from a closed shadow root (page text never goes in it). */
function printNotice(doc: Document): HTMLElement {
  const host = doc.createElement('vigie-print-notice');
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.style.cssText = 'font: 16px/1.5 sans-serif; padding: 2cm; white-space: pre-wrap; color: #000; background: #fff;';
  box.textContent = `${ORGANIZING_STRINGS.printBlanked.fr}\n\n${ORGANIZING_STRINGS.printBlanked.en}`;
  shadow.append(box);
  return host;
}
