/** The page's only way to the server: same origin, and the request secret on every change. */
const token = () => document.querySelector<HTMLMetaElement>('meta[name="vigie-token"]')?.content ?? '';

export class ApiError extends Error {
  readonly problems: string[];
  constructor(message: string, problems: string[] = []) {
    super(message);
    this.problems = problems;
  }
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as { error?: string; problems?: string[] };
  if (!response.ok) throw new ApiError(body.error ?? `HTTP ${response.status}`, body.problems ?? []);
  return body as T;
}

export async function get<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  return answer<T>(await fetch(`${path}${query.size ? `?${query}` : ''}`, { credentials: 'same-origin' }));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const result = await answer<T>(
    await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-vigie-token': token() },
      body: JSON.stringify(body),
    }),
  );
  changes?.postMessage('changed');
  return result;
}

/**
 * The console's other tabs and windows are told of every change made here (they read again), and
 * a tab read again when it comes back into view, so a change made with the `vigie` command shows
 * too. A BroadcastChannel reaches only this origin: the console's own pages.
 */
const changes = typeof BroadcastChannel === 'function' ? new BroadcastChannel('vigie-officer') : undefined;

/** Calls `read` when something may have changed elsewhere; returns the unsubscribe. */
export function onChangeElsewhere(read: () => void): () => void {
  const visible = () => {
    if (document.visibilityState === 'visible') read();
  };
  changes?.addEventListener('message', read);
  document.addEventListener('visibilitychange', visible);
  return () => {
    changes?.removeEventListener('message', read);
    document.removeEventListener('visibilitychange', visible);
  };
}
