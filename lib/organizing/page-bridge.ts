import { HANDSHAKE, replyEvent, requestEvent, type PageReply, type PageRequest } from './bridge-names';

export type PageRequestHandler = (request: PageRequest, pending: () => void) => Promise<'allow' | 'block'>;

/**
 * The content script's end of the channel to the page-world hooks (see page-hooks.ts). Takes the
 * first nonce offered, which arrives at document_start before any page script can offer one, then
 * stops listening for offers. Each request is untrusted data: the handler counts and decides.
 */
export function listenToPage(handler: PageRequestHandler, signal: AbortSignal): void {
  let nonce: string | undefined;
  const reply = (r: PageReply) => {
    if (nonce && !signal.aborted) document.dispatchEvent(new CustomEvent(replyEvent(nonce), { detail: JSON.stringify(r) }));
  };
  const onRequest = (event: Event) => {
    const request = parseRequest((event as CustomEvent).detail);
    if (!request) return;
    handler(request, () => reply({ id: request.id, verdict: 'pending' })).then(
      (verdict) => reply({ id: request.id, verdict }),
      () => reply({ id: request.id, verdict: 'block' }),
    );
  };
  const onOffer = (event: Event) => {
    const offered = (event as CustomEvent).detail;
    if (nonce || typeof offered !== 'string' || !/^[a-z0-9]{8,64}$/.test(offered)) return;
    nonce = offered;
    document.removeEventListener(HANDSHAKE.offer, onOffer);
    document.addEventListener(requestEvent(nonce), onRequest, { signal });
    document.dispatchEvent(new CustomEvent(HANDSHAKE.ack));
  };
  document.addEventListener(HANDSHAKE.offer, onOffer, { signal });
  // If the page-world script ran first, its offer went unheard: this asks it to offer once more.
  document.dispatchEvent(new CustomEvent(HANDSHAKE.ready));
}

function parseRequest(detail: unknown): PageRequest | undefined {
  if (typeof detail !== 'string' || detail.length > 5_000_000) return undefined;
  try {
    const r = JSON.parse(detail) as Record<string, unknown>;
    if (typeof r.id !== 'number') return undefined;
    if (r.kind === 'print' || r.kind === 'save-file') return { id: r.id, kind: r.kind };
    if (r.kind === 'clipboard' && typeof r.text === 'string') {
      return { id: r.id, kind: 'clipboard', text: r.text, html: typeof r.html === 'string' ? r.html : undefined };
    }
  } catch {
    // not ours to answer
  }
  return undefined;
}
