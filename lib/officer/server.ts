import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi, type ApiResult } from './api';
import type { Officer } from './officer';
import type { UiBundle } from './ui-bundle';

export interface OfficerServer {
  /** The one-time address to open: it carries the secret, spent on first use. */
  url: string;
  port: number;
  close: () => Promise<void>;
}

const MAX_BODY = 8 * 1024 * 1024;
const COOKIE = 'vigie_officer';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const cookieOf = (req: IncomingMessage) => /(?:^|;\s*)vigie_officer=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '')?.[1];

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The console's server: 127.0.0.1 only, a port the system picks, and three locks. The secret in
 * the opened address is spent once for a session cookie (HttpOnly, SameSite=Strict). The Host
 * header must name this loopback address and port, so a web page whose DNS name was re-pointed at
 * 127.0.0.1 (DNS rebinding) gets nothing. Every state-changing request also carries a second
 * secret in a header, which only this page can read, so no other site can make the browser act.
 */
export async function startOfficerServer(officer: Officer, ui: UiBundle, options: { port?: number } = {}): Promise<OfficerServer> {
  let openSecret: string | undefined = randomBytes(32).toString('base64url');
  const session = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  let port = 0;

  const send = (res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...extra });
    res.end(body);
  };
  const refuse = (res: ServerResponse, status: number, fr: string, en: string) =>
    send(res, status, `${fr}\n${en}\n`, 'text/plain; charset=utf-8');

  const server = createServer(async (req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return refuse(res, 421, 'Adresse refusée : ouvrez la console avec le lien que Vigie a donné.', 'Address refused: open the console with the link Vigie gave.');
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/open') {
      const given = url.searchParams.get('k') ?? '';
      if (openSecret && same(given, openSecret)) {
        openSecret = undefined;
        return send(res, 303, '', 'text/plain', { location: '/', 'set-cookie': `${COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/` });
      }
      if (cookieOf(req) === session) return send(res, 303, '', 'text/plain', { location: '/' });
      return refuse(res, 403, 'Ce lien a déjà servi ou est faux. Relancez « vigie officer » pour en obtenir un nouveau.', 'This link was already used or is wrong. Run "vigie officer" again for a new one.');
    }
    const cookie = cookieOf(req);
    if (!cookie || !same(cookie, session)) {
      return refuse(res, 403, 'Ouvrez la console avec le lien que Vigie a donné.', 'Open the console with the link Vigie gave.');
    }
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) return send(res, 200, ui.html(csrf), 'text/html; charset=utf-8');
    if (req.method === 'GET' && url.pathname === '/app.js') return send(res, 200, ui.js, 'text/javascript; charset=utf-8');
    if (req.method === 'GET' && url.pathname === '/app.css') return send(res, 200, ui.css, 'text/css; charset=utf-8');
    if (!url.pathname.startsWith('/api/')) return refuse(res, 404, 'Page introuvable.', 'Page not found.');
    let body: unknown;
    if (req.method !== 'GET') {
      const token = req.headers['x-vigie-token'];
      const origin = req.headers.origin;
      if (typeof token !== 'string' || !same(token, csrf) || (origin !== undefined && origin !== `http://${host}`)) {
        return refuse(res, 403, 'Requête refusée : elle ne vient pas de la console.', 'Request refused: it does not come from the console.');
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'JSON attendu.', 'JSON expected.');
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return refuse(res, 400, 'Requête illisible.', 'Unreadable request.');
      }
    }
    let result: ApiResult;
    try {
      result = await handleApi(officer, req.method ?? 'GET', url, body);
    } catch (error) {
      process.stderr.write(`vigie officer: ${(error as Error).stack ?? String(error)}\n`);
      result = { status: 500, json: { error: 'internal error; see the terminal' } };
    }
    if ('csv' in result) return send(res, 200, result.csv, 'text/csv; charset=utf-8', { 'content-disposition': `attachment; filename="${result.filename}"` });
    return send(res, result.status, JSON.stringify(result.json), 'application/json; charset=utf-8');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/open?k=${openSecret}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
