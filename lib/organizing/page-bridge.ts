import { HANDSHAKE, replyEvent, requestEvent, type PageReply, type PageRequest } from './bridge-names';

type Verdict = 'allow' | 'block';
/** A synchronous verdict is answered while the page world's call is still running (`transfer`). */
export type PageRequestHandler = (request: PageRequest, pending: () => void) => Verdict | Promise<Verdict>;

/**
 * The content script's end of the channel to the page-world hooks (see page-hooks.ts). Takes the
 * first nonce offered, which arrives at document_start before any page script can offer one, then
 * stops listening for offers. Each request is untrusted data: the handler counts and decides.
 * `attach` (again) adds the listener under a new lifetime: `document.open()` erases it.
 */
export function listenToPage(handler: PageRequestHandler): { attach: (signal: AbortSignal) => void } {
  let nonce: string | undefined;
  let current: AbortSignal | undefined;
  const reply = (r: PageReply) => {
    if (nonce && current && !current.aborted) document.dispatchEvent(new CustomEvent(replyEvent(nonce), { detail: JSON.stringify(r) }));
  };
  const onRequest = (event: Event) => {
    const request = parseRequest((event as CustomEvent).detail);
    if (!request) return;
    let verdict: Verdict | Promise<Verdict>;
    try {
      verdict = handler(request, () => reply({ id: request.id, verdict: 'pending' }));
    } catch {
      verdict = 'block';
    }
    if (typeof verdict === 'string') return reply({ id: request.id, verdict });
    verdict.then(
      (v) => reply({ id: request.id, verdict: v }),
      () => reply({ id: request.id, verdict: 'block' }),
    );
  };
  const onOffer = (event: Event) => {
    const offered = (event as CustomEvent).detail;
    if (nonce || typeof offered !== 'string' || !/^[a-z0-9]{8,64}$/.test(offered)) return;
    nonce = offered;
    document.removeEventListener(HANDSHAKE.offer, onOffer);
    if (current) document.addEventListener(requestEvent(nonce), onRequest, { signal: current });
    document.dispatchEvent(new CustomEvent(HANDSHAKE.ack));
  };
  return {
    attach(signal) {
      current = signal;
      if (nonce) return document.addEventListener(requestEvent(nonce), onRequest, { signal });
      document.addEventListener(HANDSHAKE.offer, onOffer, { signal });
      // If the page-world script ran first, its offer went unheard: this asks it to offer once more.
      document.dispatchEvent(new CustomEvent(HANDSHAKE.ready));
    },
  };
}

function parseRequest(detail: unknown): PageRequest | undefined {
  if (typeof detail !== 'string' || detail.length > 50_000_000) return undefined;
  try {
    const r = JSON.parse(detail) as Record<string, unknown>;
    if (typeof r.id !== 'number') return undefined;
    if (r.kind === 'print' || r.kind === 'save-file') return { id: r.id, kind: r.kind };
    if ((r.kind === 'clipboard' || r.kind === 'transfer') && typeof r.text === 'string') {
      const data = { id: r.id, text: r.text, html: typeof r.html === 'string' ? r.html : undefined, other: r.other === true };
      return r.kind === 'clipboard' ? { ...data, kind: 'clipboard' } : { ...data, kind: 'transfer', drag: r.drag === true };
    }
  } catch {
    // not ours to answer
  }
  return undefined;
}
