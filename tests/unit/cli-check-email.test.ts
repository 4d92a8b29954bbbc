import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEmailCommand } from '../../lib/cli/check-email';
import { readEmailFile } from '../../lib/cli/eml-input';
import { toToken, type SignedEnvelope } from '../../lib/core/signature';
import { DEFAULT_POLICY } from '../../lib/packs';

const FIXTURES = join(__dirname, '../fixtures/emails');
const fixture = (name: string) => join(FIXTURES, name);

/** Runs the command with real files, plus in-memory ones under "mem:". */
async function run(args: string[], memory: Record<string, string | Uint8Array> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await checkEmailCommand(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readFile: async (path) => {
      const held = memory[path];
      if (held !== undefined) return typeof held === 'string' ? new TextEncoder().encode(held) : held;
      return new Uint8Array(await readFile(path));
    },
  });
  const json = stdout ? (JSON.parse(stdout) as { compliant: boolean; inScope: boolean; findings: Array<{ rule: string; clause: string; message: { fr: string; en: string }; terms?: string[] }> }) : undefined;
  return { code, stdout, stderr, json, rules: json?.findings.map((f) => f.rule) };
}

const fakeSignature = { alg: 'Ed25519' as const, keyId: 'test-key', value: 'AAAA' };
function grantEnvelope(section: { number: string; accounts?: string[] }): SignedEnvelope {
  return {
    vigie: 'signed/1',
    kind: 'grant',
    payload: {
      schema: 'vigie.grant/1',
      id: 'g-sl-julie-2026',
      organisation: 'acep',
      holder: { name: 'Julie Roy', email: 'julie.roy@example.org' },
      section: { number: section.number, name: { fr: `Section locale ${section.number}`, en: `Local ${section.number}` }, accounts: section.accounts ?? [] },
      role: 'executive',
      platforms: ['gmail'],
      issuedAt: '2026-01-01T00:00:00-05:00',
      expiresAt: '2027-01-01T00:00:00-05:00',
    },
    signature: fakeSignature,
  };
}

describe('reading .eml files', () => {
  const read = async (name: string) => readEmailFile(name, new Uint8Array(await readFile(fixture(name))));

  it('takes the sender and the decoded subject, and prefers the HTML part', async () => {
    const { input, senderKnown } = await read('reply-gmail-qp-utf8.eml');
    expect(senderKnown).toBe(true);
    expect(input.from).toBe('Section locale 70 – ACEP <sl70@acep-cape.ca>');
    expect(input.subject).toBe('Re: Assemblée générale de jeudi');
    expect(input.format).toBe('html');
    expect(input.body).toContain('<div class="gmail_quote gmail_quote_container">');
  });

  it('decodes ISO-8859-1 headers and bodies', async () => {
    const { input } = await read('reply-outlook-qp-latin1.eml');
    expect(input.subject).toBe('RE: Sondage sur le télétravail');
    expect(input.body).toContain('Répondez au sondage');
  });

  it('falls back to the text part when there is no HTML', async () => {
    const { input } = await read('campaign-text.eml');
    expect(input).toMatchObject({ format: 'text', from: 'CAPE Local 70 <sl70@acep-cape.ca>', subject: 'Election reminder' });
  });

  it('a bare .html or .txt body has no known sender', async () => {
    expect(await read('reply-gmail.html')).toMatchObject({ senderKnown: false, input: { from: '', subject: '', format: 'html' } });
    expect(await read('reply-quoted-notice.txt')).toMatchObject({ senderKnown: false, input: { format: 'text' } });
  });
});

describe('vigie check-email: emails', () => {
  it('a compliant Gmail reply (.eml, multipart/alternative, quoted-printable UTF-8) exits 0', async () => {
    const r = await run([fixture('reply-gmail-qp-utf8.eml')]);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ compliant: true, inScope: true, findings: [] });
    expect(r.stderr).toBe('');
  });

  it('an Outlook reply in ISO-8859-1 quoted-printable, notice only in the quote, exits 1', async () => {
    const r = await run([fixture('reply-outlook-qp-latin1.eml')]);
    expect(r.code).toBe(1);
    expect(r.json!.findings).toEqual([
      { rule: 'notice-only-in-quote', clause: '9.2', message: { fr: expect.stringContaining('message cité'), en: expect.stringContaining('quoted message') } },
    ]);
  });

  it('base64 bodies are decoded: a compliant one exits 0, one without notice or identification exits 1', async () => {
    expect((await run([fixture('compliant-base64.eml')])).code).toBe(0);
    const r = await run([fixture('missing-notice-base64.eml')]);
    expect(r.code).toBe(1);
    expect(r.rules).toEqual(['notice-missing', 'local-id-missing']);
    expect(r.json!.findings.map((f) => f.clause)).toEqual(['9.2', '9.1']);
  });

  it('a campaigning plain-text email names the terms', async () => {
    const r = await run([fixture('campaign-text.eml')]);
    expect(r.code).toBe(1);
    expect(r.json!.findings).toEqual([expect.objectContaining({ rule: 'campaign-term', clause: '8.1.e', terms: ['vote for'] })]);
  });

  it('a personal sender is out of scope, unless --local makes every sender count', async () => {
    const out = await run([fixture('personal-sender.eml')]);
    expect(out.code).toBe(0);
    expect(out.json).toEqual({ compliant: true, inScope: false, findings: [] });
    const local = await run([fixture('personal-sender.eml'), '--local', '70', '--local-name', 'Ottawa']);
    expect(local.code).toBe(1);
    expect(local.rules).toEqual(['notice-missing', 'local-id-missing']);
  });

  it('an .html reply (sender unknown, so checked) exits 0', async () => {
    const r = await run([fixture('reply-gmail.html')]);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ compliant: true, inScope: true, findings: [] });
  });

  it('a .txt reply with the notice only in ">" lines exits 1', async () => {
    const r = await run([fixture('reply-quoted-notice.txt')]);
    expect(r.code).toBe(1);
    expect(r.rules).toEqual(['notice-only-in-quote', 'local-id-missing']);
  });

  it('reads .txt files saved as UTF-16 or Windows-1252', async () => {
    const text = `Section locale 70\r\n\r\n${DEFAULT_POLICY.notice.text.fr}\r\n`;
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer)]);
    const cp1252 = Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect((await run(['mem:u.txt'], { 'mem:u.txt': utf16 })).code).toBe(0);
    expect((await run(['mem:w.txt'], { 'mem:w.txt': cp1252 })).code).toBe(0);
  });

  it('--local-name identifies the section by its name', async () => {
    const memory = { 'mem:note.txt': `Des nouvelles de Statistique Canada.\n\n${DEFAULT_POLICY.notice.text.fr}\n` };
    expect((await run(['mem:note.txt', '--local', '70'], memory)).rules).toEqual(['local-id-missing']);
    expect((await run(['mem:note.txt', '--local', '70', '--local-name', 'Statistique Canada'], memory)).code).toBe(0);
  });
});

describe('vigie check-email: --policy and --grant', () => {
  it('uses a plain policy file, or a signed envelope’s payload', async () => {
    const noLexicon = { ...DEFAULT_POLICY, campaignLexicon: undefined };
    const plain = await run([fixture('campaign-text.eml'), '--policy', 'mem:policy.json'], { 'mem:policy.json': JSON.stringify(noLexicon) });
    expect(plain.code).toBe(0);
    const envelope = { vigie: 'signed/1', kind: 'policy', payload: noLexicon, signature: fakeSignature };
    const signed = await run([fixture('campaign-text.eml'), '--policy', 'mem:signed.json'], { 'mem:signed.json': JSON.stringify(envelope) });
    expect(signed.code).toBe(0);
  });

  it('a grant gives the section number: "Section locale 70" does not identify local 71', async () => {
    const memory = { 'mem:grant.json': JSON.stringify(grantEnvelope({ number: '71' })) };
    const r = await run([fixture('reply-gmail-qp-utf8.eml'), '--grant', 'mem:grant.json'], memory);
    expect(r.code).toBe(1);
    expect(r.rules).toEqual(['local-id-missing']);
    expect(r.json!.findings[0]!.message.fr).toContain('« Section locale 71 »');
  });

  it('a grant (as a vigie1. token) brings its accounts into scope', async () => {
    const memory = { 'mem:grant.txt': `${toToken(grantEnvelope({ number: '70', accounts: ['julie.roy@example.org'] }))}\n` };
    const r = await run([fixture('personal-sender.eml'), '--grant', 'mem:grant.txt'], memory);
    expect(r.code).toBe(1);
    expect(r.json!.inScope).toBe(true);
  });
});

describe('vigie check-email: bad input exits 2 with one line on stderr', () => {
  const cases: Array<[string, string[], Record<string, string | Uint8Array>?, RegExp?]> = [
    ['a PNG', [fixture('pixel.png')], undefined, /unsupported file type "\.png"/],
    ['a PNG renamed .eml', [fixture('pixel-renamed.eml')], undefined, /binary/],
    ['a text file without mail headers', [fixture('notes-no-headers.eml')], undefined, /no mail headers/],
    ['a missing file', [fixture('does-not-exist.eml')], undefined, /cannot read .*ENOENT/],
    ['no file', []],
    ['two files', [fixture('reply-gmail.html'), fixture('reply-quoted-notice.txt')]],
    ['an unknown option', [fixture('reply-gmail.html'), '--verbose']],
    ['--grant with --local', [fixture('reply-gmail.html'), '--grant', 'x', '--local', '70']],
    ['--local-name without --local', [fixture('reply-gmail.html'), '--local-name', 'Ottawa']],
    ['a malformed section number', [fixture('reply-gmail.html'), '--local', '7 0']],
    ['a policy that is not JSON', [fixture('reply-gmail.html'), '--policy', 'mem:p'], { 'mem:p': 'schema: vigie' }, /not JSON/],
    ['an invalid policy', [fixture('reply-gmail.html'), '--policy', 'mem:p'], { 'mem:p': JSON.stringify({ ...DEFAULT_POLICY, version: 0 }) }, /invalid policy: version/],
    ['a policy without email rules', [fixture('reply-gmail.html'), '--policy', 'mem:p'], { 'mem:p': JSON.stringify({ ...DEFAULT_POLICY, notice: undefined }) }, /has no email rules/],
    ['a grant given as the policy', [fixture('reply-gmail.html'), '--policy', 'mem:p'], { 'mem:p': JSON.stringify(grantEnvelope({ number: '70' })) }, /not a policy/],
    ['a malformed grant', [fixture('reply-gmail.html'), '--grant', 'mem:g'], { 'mem:g': 'vigie1.not-base64!' }, /malformed/],
    ['a grant with an invalid payload', [fixture('reply-gmail.html'), '--grant', 'mem:g'], { 'mem:g': JSON.stringify({ ...grantEnvelope({ number: '70' }), payload: { schema: 'vigie.grant/1' } }) }, /invalid grant/],
    ['a binary .txt', ['mem:b.txt'], { 'mem:b.txt': new Uint8Array([0x41, 0x00, 0x42, 0x43]) }, /binary/],
    ['a long .txt with one NUL byte', ['mem:b.txt'], { 'mem:b.txt': `${'Bonjour '.repeat(500)}\0` }, /binary/],
  ];

  it.each(cases)('%s', async (_name, args, memory, pattern) => {
    const r = await run(args, memory);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^vigie check-email: [^\n]+\n$/);
    if (pattern) expect(r.stderr).toMatch(pattern);
  });
});
