/** Asks the content script synchronously; `block` when it did not answer during the call. */
export type AskNow = (request: { kind: 'transfer'; text: string; html?: string; other: boolean; drag: boolean }) => 'allow' | 'block';

interface Written {
  entries: Map<string, string>;
  other: boolean;
  blocked: boolean;
}

/**
 * Runs in the page's world (page-hooks.ts). What a page's handler writes to a copy's, a cut's or a
 * drag's data (`DataTransfer.setData`, `items.add`) is reported to the content script as it is
 * written — the same call, before it returns — so no listener order, `stopImmediatePropagation`
 * or capture-phase trick of the page can keep it from being counted. Every string format is
 * counted as text (HTML as a page); a file or image is "other", which a page showing a member list
 * cannot put there unasked. Once refused, that data transfer is emptied and takes nothing more.
 *
 * Only the data transfer of a copy, cut or dragstart being dispatched is watched: a page's own
 * `new DataTransfer()` (to fill a file input) is none of this.
 */
export function watchTransfers(win: Window & typeof globalThis, askNow: AskNow): { listen: () => void } {
  const apply = Reflect.apply;
  const getter = (proto: object | undefined, name: string) => (proto ? Object.getOwnPropertyDescriptor(proto, name)?.get : undefined);
  const clipboardData = getter(win.ClipboardEvent?.prototype, 'clipboardData');
  const dataTransfer = getter(win.DragEvent?.prototype, 'dataTransfer');
  const itemsOf = getter(win.DataTransfer?.prototype, 'items');
  const typeOf = getter(win.Event.prototype, 'type');
  const currentEvent = getter(win, 'event') ?? getter(win.Window?.prototype, 'event');
  const add = win.EventTarget.prototype.addEventListener;
  const proto = win.DataTransfer?.prototype;
  const listProto = win.DataTransferItemList?.prototype;
  if (!proto || !listProto || !itemsOf || !typeOf) return { listen: () => undefined };
  const setData = proto.setData;
  const clearData = proto.clearData;
  const addItem = listProto.add;

  /** Data transfers of copy/cut/dragstart events seen at `window` (first listener there). */
  const live = new WeakMap<DataTransfer, { drag: boolean }>();
  /** The same, by their `items` list (what `items.add` is called on). */
  const liveLists = new WeakMap<DataTransferItemList, DataTransfer>();
  const written = new WeakMap<DataTransfer, Written>();

  const transferOf = (event: Event): { dt: DataTransfer; drag: boolean } | undefined => {
    try {
      const type = apply(typeOf, event, []) as string;
      if ((type === 'copy' || type === 'cut') && clipboardData) {
        const dt = apply(clipboardData, event, []) as DataTransfer | null;
        return dt ? { dt, drag: false } : undefined;
      }
      if (type === 'dragstart' && dataTransfer) {
        const dt = apply(dataTransfer, event, []) as DataTransfer | null;
        return dt ? { dt, drag: true } : undefined;
      }
    } catch {
      // not a clipboard or drag event
    }
    return undefined;
  };
  const onEvent = (event: Event) => {
    const t = transferOf(event);
    if (!t) return;
    live.set(t.dt, { drag: t.drag });
    liveLists.set(apply(itemsOf, t.dt, []) as DataTransferItemList, t.dt);
  };
  const listen = () => {
    for (const type of ['copy', 'cut', 'dragstart']) apply(add, win, [type, onEvent, { capture: true }]);
  };
  listen();

  /** Whether `dt` belongs to the clipboard or drag event being dispatched (and which). */
  const watched = (dt: DataTransfer): { drag: boolean } | undefined => {
    const seen = live.get(dt);
    if (seen) return seen;
    const t = currentTransfer();
    return t && t.dt === dt ? { drag: t.drag } : undefined;
  };
  /** A listener of this window runs with `window.event` set: covers an event our listener missed. */
  const currentTransfer = () => {
    const event = currentEvent ? (apply(currentEvent, win, []) as Event | undefined) : undefined;
    return event ? transferOf(event) : undefined;
  };

  /** Records a write and asks; false when the data transfer must stay empty. */
  const allowed = (dt: DataTransfer, drag: boolean, write: (w: Written) => void): boolean => {
    let w = written.get(dt);
    if (!w) written.set(dt, (w = { entries: new Map(), other: false, blocked: false }));
    if (w.blocked) return false;
    write(w);
    const html = [...w.entries].filter(([f]) => f === 'text/html').map(([, v]) => v);
    const text = [...w.entries].filter(([f]) => f !== 'text/html').map(([, v]) => v).join('\n');
    if (askNow({ kind: 'transfer', text, html: html.length ? html.join('\n') : undefined, other: w.other, drag }) === 'allow') return true;
    w.blocked = true;
    apply(clearData, dt, []);
    return false;
  };

  Object.defineProperty(proto, 'setData', {
    configurable: true,
    writable: true,
    value: function setData_(this: DataTransfer, format: string, data: string): void {
      const seen = watched(this);
      if (!seen) return apply(setData, this, [format, data]);
      if (allowed(this, seen.drag, (w) => w.entries.set(String(format).toLowerCase(), String(data)))) apply(setData, this, [format, data]);
    },
  });

  Object.defineProperty(listProto, 'add', {
    configurable: true,
    writable: true,
    value: function add_(this: DataTransferItemList, data: string | File, type?: string): DataTransferItem | null {
      const owner = liveLists.get(this) ?? currentTransfer()?.dt;
      const seen = owner && watched(owner);
      if (!owner || !seen || apply(itemsOf, owner, []) !== this) return apply(addItem, this, [data, type]) as DataTransferItem | null;
      const ok = allowed(owner, seen.drag, (w) => {
        if (typeof data === 'string') w.entries.set(String(type ?? 'text/plain').toLowerCase(), data);
        else w.other = true;
      });
      return ok ? (apply(addItem, this, [data, type]) as DataTransferItem | null) : null;
    },
  });

  return { listen };
}
