import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfficerServer, type OfficerServer } from '../../lib/officer/server';
import type { UiBundle } from '../../lib/officer/ui-bundle';
import { listEntries } from '../../lib/officer/register-service';
import type { Officer } from '../../lib/officer/officer';
import { latestPolicy } from '../../lib/officer/policy-service';
import { draft, freshOfficer } from './officer-helpers';

// A stand-in page: the server's locks are what is under test here (the real page is built in e2e).
const ui: UiBundle = { html: (csrf) => `<meta name="vigie-token" content="${csrf}">`, js: '', css: '' };

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let officer: Officer;
let server: OfficerServer;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  officer = await freshOfficer();
  server = await startOfficerServer(officer, ui);
});
afterAll(async () => {
  await server.close();
  officer.db.close();
});

const secretPath = () => new URL(server.url).pathname + new URL(server.url).search;

describe('the console server', () => {
  it('listens on 127.0.0.1 only, on a port the system picked', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open\?k=[A-Za-z0-9_-]{40,}$/);
    expect(server.port).toBeGreaterThan(1024);
  });

  it('refuses a wrong secret, and a right one under another Host (DNS rebinding)', async () => {
    expect((await call(server.port, '/open?k=wrong')).status).toBe(403);
    const rebound = await call(server.port, secretPath(), { headers: { host: `attacker.example:${server.port}` } });
    expect(rebound.status).toBe(421);
    expect(rebound.headers['set-cookie']).toBeUndefined();
    expect((await call(server.port, '/api/overview', { headers: { host: 'localhost:1' } })).status).toBe(421);
  });

  it('spends the secret once for an HttpOnly, SameSite=Strict cookie; the link does not work twice', async () => {
    const first = await call(server.port, secretPath());
    expect(first.status).toBe(303);
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    cookie = setCookie.split(';')[0]!;
    expect((await call(server.port, secretPath())).status).toBe(403);
    const page = await call(server.port, '/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    csrf = /content="([^"]+)"/.exec(page.body)![1]!;
  });

  it('serves nothing without the cookie', async () => {
    expect((await call(server.port, '/')).status).toBe(403);
    expect((await call(server.port, '/api/grants')).status).toBe(403);
    expect((await call(server.port, '/api/grants', { headers: { cookie: 'vigie_officer=forged' } })).status).toBe(403);
  });

  it('refuses a change without the request secret, or from another origin, and makes it with them', async () => {
    const body = JSON.stringify({ draft: draft('Léa Tremblay') });
    const json = { 'content-type': 'application/json', cookie };
    expect((await call(server.port, '/api/grants', { method: 'POST', headers: json, body })).status).toBe(403);
    expect((await call(server.port, '/api/grants', { method: 'POST', headers: { ...json, 'x-vigie-token': 'nope' }, body })).status).toBe(403);
    expect((await call(server.port, '/api/grants', { method: 'POST', headers: { ...json, 'x-vigie-token': csrf, origin: 'https://evil.example' }, body })).status).toBe(403);
    expect(listEntries(officer)).toEqual([]);
    const made = await call(server.port, '/api/grants', { method: 'POST', headers: { ...json, 'x-vigie-token': csrf, origin: `http://127.0.0.1:${server.port}` }, body });
    expect(made.status).toBe(200);
    expect(JSON.parse(made.body).token).toMatch(/^vigie1\./);
    expect(listEntries(officer).map((e) => e.holder.name)).toEqual(['Léa Tremblay']);
  });

  it('answers a refused draft with 422 and located problems, not a crash', async () => {
    const r = await call(server.port, '/api/grants', { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-vigie-token': csrf }, body: JSON.stringify({ draft: draft('X', { expiresAt: 'demain' }) }) });
    expect(r.status).toBe(422);
    expect(JSON.parse(r.body).problems).toEqual(['expiresAt: expected an ISO 8601 date-time']);
  });

  it('two tabs revoking at the same moment: both revocations are in the policy, none lost', async () => {
    const headers = { 'content-type': 'application/json', cookie, 'x-vigie-token': csrf };
    const issue = async (name: string) =>
      JSON.parse((await call(server.port, '/api/grants', { method: 'POST', headers, body: JSON.stringify({ draft: draft(name) }) })).body).grant.id as string;
    const [a, b] = [await issue('Tab One'), await issue('Tab Two')];
    const before = latestPolicy(officer)!.version;
    const replies = await Promise.all(
      [a, b].map((id) => call(server.port, `/api/grants/${id}/revoke`, { method: 'POST', headers, body: JSON.stringify({ reason: `onglet ${id}` }) })),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    const latest = latestPolicy(officer)!;
    expect(latest.version).toBe(before + 2);
    expect(latest.policy.revokedGrants).toEqual(expect.arrayContaining([a, b]));
  });

  it('gives a grant its token, bilingual message and QR code; the register as CSV', async () => {
    const entry = listEntries(officer).find((e) => e.holder.name === 'Léa Tremblay');
    const detail = JSON.parse((await call(server.port, `/api/grants/${entry!.id}`, { headers: { cookie } })).body);
    expect(detail.message.body).toContain(detail.token);
    expect(detail.qr.length).toBeGreaterThan(40);
    const csv = await call(server.port, '/api/register.csv', { headers: { cookie } });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain('Léa Tremblay');
  });
});
