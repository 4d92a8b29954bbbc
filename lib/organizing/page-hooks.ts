import { FIRST_ANSWER_MS, HANDSHAKE, replyEvent, requestEvent, type PageReply } from './bridge-names';
import { watchTransfers, type AskNow } from './page-transfers';
import { whenListenersErased } from './survive-open';

/**
 * Runs in the page's own world (a `world: 'MAIN'` content script at document_start): wraps the
 * clipboard writes, `window.print` and `showSaveFilePicker` the page can call, and asks the content script, which holds
 * the policy, before letting them through. No extension API is reachable from here.
 *
 * Why the page cannot forge an "allow":
 * - Replies are only read from an event whose name carries a random nonce made here. The nonce is
 *   shown only during the handshake, which runs at document_start, before the page has a single
 *   script: one offer when this script starts, and at most one more in answer to the content
 *   script's "ready" (whichever of the two scripts the browser injects first).
 * - The functions this code calls later (dispatchEvent, addEventListener, CustomEvent and its
 *   `detail` getter, JSON) are captured now, so a page script patching them later sees nothing.
 * - And an allow grants nothing by itself: it lets the page's own clipboard write or print go on,
 *   which a page could do anyway from a fresh iframe's unwrapped `Clipboard`. Overrides, their
 *   justifications and download passes exist only in the content script's closed dialog, on
 *   trusted clicks. Requests are untrusted data there: it counts the text and decides.
 * If the content script never answers (it is gone: the extension was reloaded), writes are
 * refused after FIRST_ANSWER_MS: failing closed costs a page reload, failing open a member list.
 */
export function installPageHooks(win: Window & typeof globalThis = window): void {
  const doc = win.document;
  const Custom = win.CustomEvent;
  const listen = win.EventTarget.prototype.addEventListener.bind(doc);
  const unlisten = win.EventTarget.prototype.removeEventListener.bind(doc);
  const dispatch = win.EventTarget.prototype.dispatchEvent.bind(doc);
  const detailGetter = Object.getOwnPropertyDescriptor(win.CustomEvent.prototype, 'detail')?.get;
  const apply = Reflect.apply;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const detailOf = (event: Event): unknown => (detailGetter ? apply(detailGetter, event, []) : undefined);

  const nonce = [...win.crypto.getRandomValues(new Uint32Array(4))].map((n) => n.toString(36)).join('');
  let acked = false;
  let reoffered = false;
  const offer = () => dispatch(new Custom(HANDSHAKE.offer, { detail: nonce }));
  const onReady = () => {
    if (acked || reoffered) return;
    reoffered = true;
    offer();
  };
  const onAck = () => {
    acked = true;
    unlisten(HANDSHAKE.ready, onReady);
    unlisten(HANDSHAKE.ack, onAck);
  };
  listen(HANDSHAKE.ready, onReady);
  listen(HANDSHAKE.ack, onAck);
  offer();

  let nextId = 1;
  const waiting = new Map<number, { settle: (verdict: 'allow' | 'block') => void; timer?: ReturnType<typeof setTimeout> }>();
  const onReply = (event: Event) => {
    const raw = detailOf(event);
    let reply: PageReply;
    try {
      reply = parse(String(raw)) as PageReply;
    } catch {
      return;
    }
    const entry = waiting.get(reply.id);
    if (!entry) return;
    clearTimeout(entry.timer);
    if (reply.verdict === 'pending') return; // a dialog is open: wait for the person, however long
    waiting.delete(reply.id);
    entry.settle(reply.verdict);
  };
  listen(replyEvent(nonce), onReply);

  const ask: Ask = (request): Promise<'allow' | 'block'> =>
    new Promise((settle) => {
      const id = nextId++;
      const entry: { settle: (v: 'allow' | 'block') => void; timer?: ReturnType<typeof setTimeout> } = { settle };
      entry.timer = setTimeout(() => {
        waiting.delete(id);
        settle('block');
      }, FIRST_ANSWER_MS);
      waiting.set(id, entry);
      dispatch(new Custom(requestEvent(nonce), { detail: stringify({ ...request, id }) }));
    });

  /** Asked while a page handler runs: the content script answers during the dispatch, or it is a refusal. */
  const askNow: AskNow = (request) => {
    const id = nextId++;
    let verdict: 'allow' | 'block' = 'block';
    waiting.set(id, { settle: (v) => (verdict = v) });
    dispatch(new Custom(requestEvent(nonce), { detail: stringify({ ...request, id }) }));
    waiting.delete(id);
    return verdict;
  };

  const transfers = watchTransfers(win, askNow);
  // document.open() erases these listeners (not the wrapped prototypes): put them back.
  whenListenersErased(win, () => {
    listen(replyEvent(nonce), onReply);
    transfers.listen();
  });

  wrapClipboard(win, ask);
  wrapPrint(win, ask);
  wrapSavePicker(win, ask);
}

type Ask = (request: { kind: 'clipboard'; text: string; html?: string; other: boolean } | { kind: 'print' } | { kind: 'save-file' }) => Promise<'allow' | 'block'>;

function refusal(win: Window & typeof globalThis): DOMException {
  return new win.DOMException('Vigie: copying member data out of the platform needs written authorization (clause 7.2).', 'NotAllowedError');
}

function wrapClipboard(win: Window & typeof globalThis, ask: Ask): void {
  const proto = win.Clipboard?.prototype;
  if (!proto) return;
  const writeText = proto.writeText;
  const write = proto.write;
  const apply = Reflect.apply;
  Object.defineProperty(proto, 'writeText', {
    configurable: true,
    writable: true,
    value: async function (this: Clipboard, data: string): Promise<void> {
      if ((await ask({ kind: 'clipboard', text: String(data), other: false })) !== 'allow') throw refusal(win);
      return apply(writeText, this, [data]);
    },
  });
  if (!write) return;
  Object.defineProperty(proto, 'write', {
    configurable: true,
    writable: true,
    value: async function (this: Clipboard, items: ClipboardItem[]): Promise<void> {
      const { text, html, other } = await clipboardItemsText(items);
      if ((await ask({ kind: 'clipboard', text, html, other })) !== 'allow') throw refusal(win);
      return apply(write, this, [items]);
    },
  });
}

/**
 * What a page puts in ClipboardItems: every text type read as text (`text/plain`, `web text/csv`…),
 * HTML apart, and whether anything else (an image of the list, an unknown format) is in it.
 */
async function clipboardItemsText(items: readonly ClipboardItem[]): Promise<{ text: string; html?: string; other: boolean }> {
  const texts: string[] = [];
  const htmls: string[] = [];
  let other = false;
  for (const item of items ?? []) {
    for (const type of item.types) {
      const kind = dataKind(type);
      if (kind === 'other') {
        other = true;
        continue;
      }
      const blob = await item.getType(type);
      (kind === 'html' ? htmls : texts).push(await blob.text());
    }
  }
  return { text: texts.join('\n'), html: htmls.length ? htmls.join('\n') : undefined, other };
}

/** How a clipboard type is read: text (any `text/…`, `web text/…`, JSON), HTML, or not at all. */
function dataKind(type: string): 'text' | 'html' | 'other' {
  const t = type.toLowerCase().replace(/^web /, '').split(';')[0]!.trim();
  if (t === 'text/html') return 'html';
  return t.startsWith('text/') || t === 'application/json' || t === 'application/csv' ? 'text' : 'other';
}

function wrapPrint(win: Window & typeof globalThis, ask: Ask): void {
  const print = win.print;
  const apply = Reflect.apply;
  // print() normally blocks until the dialog closes; wrapped, it returns at once and prints once allowed.
  win.print = function print_(): void {
    void (async () => {
      if ((await ask({ kind: 'print' })) === 'allow') apply(print, win, []);
    })();
  };
}

/**
 * `showSaveFilePicker()` (Chromium) lets a page write a file straight to disk, which the downloads
 * API never sees: decided like a download before the picker opens.
 */
function wrapSavePicker(win: Window & typeof globalThis, ask: Ask): void {
  const target = win as unknown as { showSaveFilePicker?: (...args: unknown[]) => Promise<unknown> };
  const picker = target.showSaveFilePicker;
  if (typeof picker !== 'function') return;
  const apply = Reflect.apply;
  target.showSaveFilePicker = async function showSaveFilePicker(...args: unknown[]): Promise<unknown> {
    if ((await ask({ kind: 'save-file' })) !== 'allow') throw new win.DOMException('Vigie: saving member data outside the platform needs written authorization (clause 7.2).', 'AbortError');
    return apply(picker, win, args);
  };
}
