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
      if (n.nodeName === 'BUTTON') buttons.push({ label: textOf(n), backendNodeId: n.backendNodeId });
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

/** Clicks the dialog button whose label matches (string: exact, RegExp: test), with the real mouse. */
export async function pressDialogButton(page, label) {
  const dialog = await waitForDialog(page);
  const button = dialog.buttons.find((b) => (label instanceof RegExp ? label.test(b.label) : b.label === label));
  if (!button) throw new Error(`no dialog button ${label}; it has: ${dialog.buttons.map((b) => b.label).join(' | ')}`);
  const { x, y } = await centreOf(page, button.backendNodeId);
  await page.mouse.click(x, y);
}

/** Replaces the text of the dialog's input or textarea by typing, as a person would. */
export async function fillDialogField(page, tag, text) {
  const dialog = await waitForDialog(page);
  const field = dialog.fields.find((f) => f.tag === tag);
  if (!field) throw new Error(`the dialog has no ${tag}`);
  const { x, y } = await centreOf(page, field.backendNodeId);
  await page.mouse.click(x, y);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}
