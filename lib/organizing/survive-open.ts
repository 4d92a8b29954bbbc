/**
 * `document.open()` (and a `document.write()` after the page loaded, which opens the document
 * first) erases every event listener of the document, its nodes and its window — those of the
 * extension's worlds included, by the HTML spec's "erase all event listeners and handlers" — and
 * removes every node. It does not touch mutation observers, prototypes or the JS realm. So a
 * mutation observer on the document sees the nodes go, a probe listener tells whether the
 * listeners went with them, and `reinstall` puts everything back before the page's next task:
 * a copy, a key press or a print can only come after that.
 *
 * Usable from both worlds: the page world calls it at document_start, before the page can patch
 * anything it uses.
 */
export function whenListenersErased(win: Window & typeof globalThis, reinstall: () => void, signal?: AbortSignal): void {
  const doc = win.document;
  const add = win.EventTarget.prototype.addEventListener;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const apply = Reflect.apply;
  const Probe = win.Event;
  // A name no page can know: a page listening for it could otherwise fake "still alive".
  const type = `vigie-alive-${[...win.crypto.getRandomValues(new Uint32Array(3))].map((n) => n.toString(36)).join('')}`;
  let alive = false;
  const onProbe = () => {
    alive = true;
  };
  const arm = () => apply(add, win, [type, onProbe, { signal }]);
  arm();
  const check = () => {
    if (signal?.aborted) return;
    alive = false;
    apply(dispatch, win, [new Probe(type)]);
    if (alive) return;
    arm();
    reinstall();
  };
  const observer = new win.MutationObserver(check);
  observer.observe(doc, { childList: true });
  signal?.addEventListener('abort', () => observer.disconnect(), { once: true });
}
