import type { Slot } from '../platforms/types';

/** Our signature block in a body: signatureBlock() marks its outer element. */
export const BLOCK_SELECTOR = '[data-vigie-signature]';

let editing = false;

/** True while Vigie itself edits a body, so the input events of its own edits are not taken for the person's. */
export function isOurEdit(): boolean {
  return editing;
}

/**
 * Inserts HTML (built from the policy, escaped) at `slot` and tells the page, the way its editor
 * hears typing, with an `input` event, so the draft is saved with it. Not through
 * execCommand('insertHTML'): Chromium moves a block inserted between paragraphs into the next one
 * (into the quote, in a reply) and splits it. The caret is left where the person had it.
 */
export function insertHtml(body: HTMLElement, slot: Slot, html: string): Element | undefined {
  const template = body.ownerDocument.createElement('template');
  template.innerHTML = html;
  const node = template.content.firstElementChild;
  if (!node) return undefined;
  edit(body, () => slot.parent.insertBefore(node, slot.before), 'insertFromPaste');
  return node;
}

/** Puts a line of text (the person's, from the dialog) first in the body, as its own paragraph. */
export function insertOpeningLine(body: HTMLElement, line: string): void {
  const doc = body.ownerDocument;
  const paragraph = doc.createElement('div');
  paragraph.textContent = line;
  const spacer = doc.createElement('div');
  spacer.append(doc.createElement('br'));
  edit(body, () => body.prepend(paragraph, spacer), 'insertFromPaste');
}

/** Removes our block (the From changed to an account the policy does not govern). */
export function removeBlock(body: HTMLElement, block: Element): void {
  edit(body, () => block.remove(), 'deleteContent');
}

function edit(body: HTMLElement, change: () => void, inputType: string): void {
  editing = true;
  try {
    change();
    body.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType }));
  } finally {
    editing = false;
  }
}
