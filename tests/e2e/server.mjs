/**
 * The fixture server: HTTPS on 127.0.0.1 (random port) that answers for the real platform hosts,
 * which Chromium maps to it (see browser.mjs). It serves tests/fixtures/ by Host header and path
 * (routes.mjs) plus whatever a test registers with `route()`. Anything else is a 404, and a route
 * whose fixture file is missing refuses to start, so a missing fixture fails the test using it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAPPED_HOSTS, ROUTES } from './routes.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A throw-away self-signed certificate for the mapped hosts (Chromium runs with --ignore-certificate-errors anyway). */
function makeCertificate() {
  mkdirSync(join(ROOT, '.e2e'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.e2e/cert-'));
  const san = MAPPED_HOSTS.map((h) => `DNS:${h}`).join(',');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=vigie-e2e-fixtures', '-addext', `subjectAltName=${san}`,
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'pipe' });
  const pair = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

function fixtureFiles(fixture) {
  return typeof fixture === 'string' ? [fixture] : Object.values(fixture ?? {});
}

function assertFixturesExist(route) {
  const missing = fixtureFiles(route.fixture).filter((f) => !existsSync(join(FIXTURES_DIR, f)));
  if (missing.length) throw new Error(`fixture server: missing fixture file(s): ${missing.map((f) => `tests/fixtures/${f}`).join(', ')}`);
}

/** fr or en: `?hl=` first, then the browser's Accept-Language, then English. */
function pickLanguage(url, acceptLanguage = '') {
  const hl = url.searchParams.get('hl')?.slice(0, 2).toLowerCase();
  if (hl === 'fr' || hl === 'en') return hl;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return 'en';
}

function hostMatches(pattern, host) {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : pattern === host;
}

/** `tls`: another `{ key, cert }` (e.g. a leaf of a test CA a browser is told to trust); a self-signed one by default. */
export async function startFixtureServer({ routes = ROUTES, tls } = {}) {
  const table = [];
  const requests = [];

  /** Registers a route: `{ host | hosts, path, fixture | body | handler, type?, status?, headers? }`. */
  function route(spec) {
    const entry = { ...spec, hosts: spec.hosts ?? [spec.host] };
    if (!entry.hosts.every(Boolean) || !entry.path) throw new Error('fixture server: a route needs host(s) and a path');
    assertFixturesExist(entry);
    table.unshift(entry); // later registrations win over the defaults
    return entry.hosts.map((h) => `https://${h}${entry.path}`);
  }
  routes.forEach((r) => route(r));

  function serve(entry, req, res, url) {
    if (entry.handler) return entry.handler(req, res, url);
    let file;
    let body = entry.body;
    if (entry.fixture) {
      file = typeof entry.fixture === 'string' ? entry.fixture : entry.fixture[pickLanguage(url, req.headers['accept-language'])] ?? entry.fixture.en;
      body = readFileSync(join(FIXTURES_DIR, file));
    }
    const type = entry.type ?? TYPES[extname(file ?? url.pathname)] ?? 'text/html; charset=utf-8';
    res.writeHead(entry.status ?? 200, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Vigie-Fixture': file ?? 'inline',
      ...entry.headers,
    });
    res.end(body ?? '');
    return file ?? 'inline';
  }

  const server = createServer(tls ?? makeCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host || 'unknown'}`);
    const entry = table.find((r) => r.path === url.pathname && r.hosts.some((h) => hostMatches(h, host)));
    const record = { method: req.method, host, path: url.pathname, search: url.search, status: 404 };
    requests.push(record);
    try {
      if (entry) {
        record.fixture = serve(entry, req, res, url);
        record.status = res.statusCode;
      } else if (url.pathname === '/favicon.ico') {
        record.status = 204;
        res.writeHead(204).end();
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`no fixture for https://${host}${url.pathname}\n`);
      }
    } catch (error) {
      record.status = 500;
      record.error = String(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`fixture server error: ${error}\n`);
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = server.address();

  return {
    port,
    route,
    requests,
    /** Requests that found no route (favicons aside): a test can assert this stays empty. */
    misses: () => requests.filter((r) => r.status === 404),
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
