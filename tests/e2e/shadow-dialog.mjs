/**
 * Reads and presses Vigie's guard dialog, which lives in a closed shadow root: Playwright's
 * locators cannot reach it (nor can the page, which is the point), so the test asks Chromium's
 * DevTools protocol for the DOM with shadow roots pierced, and presses buttons with the real
 * mouse and keyboard (trusted events, as a person's).
 */
import { poll } from './extension.mjs';

function walk(node, visit) {
  visit(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, visit);
}

function textOf(node) {
  let text = '';
  walk(node, (n) => {
    if (n.nodeType === 3) text += n.nodeValue;
  });
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The dialog as the person sees it, or undefined when none is shown:
 * `{ text, title, buttons: [{label, backendNodeId}], fields: [{tag, backendNodeId, value}] }`.
 */
export async function readDialog(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    let host;
    walk(root, (n) => {
      if (!host && n.nodeName === 'VIGIE-DIALOG') host = n;
    });
    if (!host) return undefined;
    const buttons = [];
    const fields = [];
    let title = '';
    walk(host, (n) => {
      if (n.nodeName === 'BUTTON') buttons.push({ label: textOf(n), backendNodeId: n.backendNodeId, opensJustification: (n.attributes ?? []).includes('data-opens-justification') });
      if (n.nodeName === 'INPUT' || n.nodeName === 'TEXTAREA') fields.push({ tag: n.nodeName.toLowerCase(), backendNodeId: n.backendNodeId });
      if (n.nodeName === 'H2') title = textOf(n);
    });
    for (const field of fields) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: field.backendNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { return this.value; }', returnByValue: true });
      field.value = result.value;
    }
    return { text: textOf(host), title, buttons, fields, shadowRootType: host.shadowRoots?.[0]?.shadowRootType };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export async function waitForDialog(page, { timeout = 5_000 } = {}) {
  return poll(() => readDialog(page), { timeout, what: 'the Vigie dialog' });
}

export async function waitForNoDialog(page, { timeout = 5_000 } = {}) {
  return poll(async () => !(await readDialog(page)), { timeout, what: 'the Vigie dialog to close' });
}

async function centreOf(page, backendNodeId) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId }).catch(() => {});
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId });
    const [x1, y1, x2, , , y3] = model.content;
    return { x: (x1 + x2) / 2, y: (y1 + y3) / 2 };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Said by the dialog when a press came too soon after it appeared, or while the page covered it (lib/guard/dialog-visibility.ts). */
const NOT_SEEN = /choix n’a pas été pris en compte|choice was not taken/;

/**
 * Clicks the dialog button whose label matches (string: exact, RegExp: test), with the real mouse.
 * The dialog ignores a press in its first half-second (a click aimed at what was there before):
 * when it says so, the press is made again, as a person would.
 */
export async function pressDialogButton(page, label) {
  for (let attempt = 0; ; attempt++) {
    const dialog = await waitForDialog(page);
    const button = dialog.buttons.find((b) => (label instanceof RegExp ? label.test(b.label) : b.label === label));
    if (!button) throw new Error(`no dialog button ${label}; it has: ${dialog.buttons.map((b) => b.label).join(' | ')}`);
    const { x, y } = await centreOf(page, button.backendNodeId);
    await page.mouse.click(x, y);
    const after = await readDialog(page);
    if (!after || !NOT_SEEN.test(after.text) || attempt >= 10) return;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Replaces the text of the dialog's input or textarea by typing, as a person would. The
 * justification box appears only after "… anyway": when it is asked for and not there yet, that
 * button is pressed first.
 */
export async function fillDialogField(page, tag, text) {
  let dialog = await waitForDialog(page);
  if (!dialog.fields.some((f) => f.tag === tag)) {
    const opener = dialog.buttons.find((b) => b.opensJustification);
    if (opener) {
      const { x, y } = await centreOf(page, opener.backendNodeId);
      await page.mouse.click(x, y);
      dialog = await poll(async () => {
        const d = await readDialog(page);
        return d?.fields.some((f) => f.tag === tag) ? d : undefined;
      }, { timeout: 5_000, what: `the dialog's ${tag}` });
    }
  }
  const field = dialog.fields.find((f) => f.tag === tag);
  if (!field) throw new Error(`the dialog has no ${tag}`);
  const { x, y } = await centreOf(page, field.backendNodeId);
  await page.mouse.click(x, y);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Runs a function on the dialog's closed shadow root (over CDP): `fn` is a function source taking the root as `this`. */
export async function onDialogRoot(page, fn) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    let host;
    walk(root, (n) => {
      if (!host && n.nodeName === 'VIGIE-DIALOG') host = n;
    });
    if (!host?.shadowRoots?.[0]) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: host.shadowRoots[0].backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: fn, returnByValue: true });
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The label (or tag) of what has focus inside the dialog, or undefined when focus is outside it. */
export async function focusedInDialog(page) {
  return onDialogRoot(page, 'function () { const a = this.activeElement; return a ? (a.textContent.trim() || a.id || a.tagName.toLowerCase()) : undefined; }');
}
