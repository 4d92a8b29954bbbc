/**
 * Runs axe-core (the accessibility engine) in a page under test and returns its violations.
 * The guard dialog lives in a closed shadow root, which axe cannot enter from the page: for it,
 * the dialog's own DOM is copied into an open shadow root of a scratch page first
 * (`axeDialog`), styles included, so the same markup and CSS are checked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { onDialogRoot } from './shadow-dialog.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA rules, plus axe's best practices. */
const RUN_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } };

export async function axeViolations(page, context = 'html') {
  await page.evaluate(AXE);
  const result = await page.evaluate(([ctx, options]) => window.axe.run(ctx, options), [context, RUN_OPTIONS]);
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The guard dialog showing in `page`, checked by axe: its markup and styles are read from the
 * closed shadow root over CDP and rebuilt, as they are, in a blank page opened as a modal.
 */
export async function axeDialog(page) {
  const markup = await onDialogRoot(page, 'function () { const d = this.querySelector("dialog"); return { html: d.innerHTML, attrs: [...d.attributes].map((a) => [a.name, a.value]), css: this.querySelector("style").textContent }; }');
  if (!markup) throw new Error('no Vigie dialog to scan');
  const scratch = await page.context().newPage();
  try {
    await scratch.setContent('<!doctype html><html lang="en"><head><title>Vigie dialog under test</title></head><body><main><h1>Page</h1></main><div id="host"></div></body></html>');
    await scratch.evaluate(({ html, attrs, css }) => {
      const root = document.getElementById('host').attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = css;
      const dialog = document.createElement('dialog');
      for (const [k, v] of attrs) if (k !== 'open') dialog.setAttribute(k, v);
      dialog.innerHTML = html;
      root.append(style, dialog);
      dialog.showModal();
    }, markup);
    return await axeViolations(scratch);
  } finally {
    await scratch.close();
  }
}
