import type { FetchFailureCode } from './sync-status';

/** A signed policy is tens of kilobytes; anything near a megabyte is not one. */
export const MAX_POLICY_BYTES = 1024 * 1024;
export const FETCH_TIMEOUT_MS = 15_000;

export class FetchFailure extends Error {
  constructor(
    readonly code: FetchFailureCode,
    readonly status?: number,
  ) {
    super(`policy fetch failed: ${code}${status ? ` (HTTP ${status})` : ''}`);
    this.name = 'FetchFailure';
  }
}

/** The configured policy URL when it is an HTTPS address, else `undefined`. */
export function policyUrlOf(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fetches the signed policy text. The manifest asks for no host permission for it (IT picks the
 * host, unknown at build time): the request is a plain CORS request without cookies, so the policy
 * server must answer with `Access-Control-Allow-Origin: *`. The signature, not the transport, is
 * what makes the document trustworthy; HTTPS keeps it private and fresh.
 */
export async function fetchPolicyText(
  url: URL,
  fetcher: typeof fetch,
  { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_POLICY_BYTES } = {},
): Promise<string> {
  let response: Response;
  try {
    response = await fetcher(url.href, {
      cache: 'no-store',
      credentials: 'omit',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new FetchFailure(error instanceof DOMException && error.name === 'TimeoutError' ? 'timeout' : 'unreachable');
  }
  if (response.url && !response.url.startsWith('https:')) throw new FetchFailure('not-https');
  if (!response.ok) throw new FetchFailure('http-error', response.status);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) throw new FetchFailure('too-large');
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new FetchFailure(error instanceof DOMException && error.name === 'TimeoutError' ? 'timeout' : 'unreachable');
  }
  if (text.length > maxBytes) throw new FetchFailure('too-large');
  return text;
}
