/**
 * The private channel between the page-world hooks (page-hooks.ts) and the content script
 * (page-bridge.ts). Only the handshake uses fixed event names, and it happens at document_start,
 * before any page script exists; after it, both sides talk on event names that carry a random
 * nonce the page never sees. See page-hooks.ts for why the page can neither read nor forge it.
 */
export const HANDSHAKE = {
  /** Page world → content script: "here is the nonce" (detail: the nonce). */
  offer: 'vigie-bridge-offer',
  /** Content script → page world: "I am listening, offer again" (no detail). */
  ready: 'vigie-bridge-ready',
  /** Content script → page world: "got it, stop offering" (no detail). */
  ack: 'vigie-bridge-ack',
} as const;

export const requestEvent = (nonce: string) => `vigie-q-${nonce}`;
export const replyEvent = (nonce: string) => `vigie-r-${nonce}`;

/**
 * What the page world asks. `clipboard`: a `navigator.clipboard` write (answered later, after a
 * dialog if need be). `transfer`: data a page handler is putting on a copy's or drag's data
 * transfer, answered synchronously while the handler runs. `other`: some of the data is of a type
 * no count reads (an image, a file).
 */
export type PageRequest =
  | { id: number; kind: 'clipboard'; text: string; html?: string; other: boolean }
  | { id: number; kind: 'transfer'; text: string; html?: string; other: boolean; drag: boolean }
  | { id: number; kind: 'print' }
  /** `showSaveFilePicker()`: the page writes a file to disk itself, past the downloads API. */
  | { id: number; kind: 'save-file' };

/** `pending`: a dialog is open, the final answer comes later (so no timeout applies). */
export type PageReply = { id: number; verdict: 'allow' | 'block' | 'pending' };

/** How long the page world waits for a first answer before refusing (the content script is gone). */
export const FIRST_ANSWER_MS = 3_000;
