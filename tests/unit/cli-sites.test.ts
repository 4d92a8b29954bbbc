import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-sites-'));
const p = (name: string) => join(dir, name);
const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url).pathname;
const bundled = () => JSON.parse(readFileSync(new URL('../../lib/packs/sites.json', import.meta.url), 'utf8'));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  expect((await run('keygen', '--out', p('key.json'))).code).toBe(0);
  expect((await run('keygen', '--out', p('other.json'))).code).toBe(0);
});

describe('vigie sites check', () => {
  it("prints each lookup, the fallback that matched, and the adapter's conclusions (Action Network email preview)", async () => {
    const { code, out } = await run('sites', 'check', fixture('action-network/email-preview.fr.html'), '--platform', 'action-network');
    expect(code).toBe(0);
    expect(out).toContain('email-preview.fr.html — action-network, with the bundled pack (version 1)');
    expect(out).toContain('  wrapperChooser: fallback 0 — ');
    expect(out).toContain('    → [0] 1 match: select[name*="wrapper" i], select[id*="wrapper" i]');
    expect(out).toContain('      [1] 0 matches: input[type="radio"][name*="wrapper" i]');
    expect(out).toContain('  exportControls: nothing matches on this page — ');
    expect(out).toContain('  email send step: yes');
    expect(out).toContain('    wrapper: Section locale 70 – bannière (offered: Par défaut, Section locale 70 – bannière, Gabarit national ACEP)');
    expect(out).toContain('    subject: "Assemblée générale du 12 décembre"; from: "Section locale 70 – Ottawa"');
    expect(out).toContain('    send controls: <button#schedule_email.button> "Programmer le courriel", <button#send_email.button> "Envoyer le courriel"');
  });

  it('shows which export controls a page has and what recognised each (Action Builder wall chart)', async () => {
    const { out } = await run('sites', 'check', fixture('action-builder/wall-chart.en.html'), '--platform', 'action-builder');
    expect(out).toContain('    → [0] 1 match: #wall_chart_export, [data-action="export"]');
    expect(out).toMatch(/ {2}export controls: 1\n {4}<button#wall_chart_export\.btn\.export-button> "Export": exportControls fallback 0\n/);
  });

  it('tries a draft pack before it is signed: a fallback the draft adds is reported as the one used', async () => {
    const draft = bundled();
    draft.version = 2;
    draft.platforms.nextcloud.lookups.createShareLink.fallbacks = ['button.no-such-thing', 'button.new-share-link'];
    writeFileSync(p('draft.json'), JSON.stringify(draft));
    const { code, out } = await run('sites', 'check', fixture('nextcloud/files.en.html'), '--platform', 'nextcloud', '--pack', p('draft.json'));
    expect(code).toBe(0);
    expect(out).toContain('with draft.json (version 2)');
    expect(out).toContain('  createShareLink: fallback 1 — ');
    expect(out).toContain('createShareLink fallback 1');
  });

  it('refuses an unknown platform and a pack whose selector does not parse, saying where', async () => {
    expect((await run('sites', 'check', fixture('nextcloud/files.en.html'), '--platform', 'myspace')).err).toMatch(/^vigie: unknown platform "myspace"/);
    const draft = bundled();
    draft.platforms.x.lookups.publish.fallbacks.push('[data-testid="tweetButton"');
    writeFileSync(p('bad.json'), JSON.stringify(draft));
    const r = await run('sites', 'check', fixture('nextcloud/files.en.html'), '--platform', 'nextcloud', '--pack', p('bad.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^vigie: .*bad\.json: platforms\.x\.lookups\.publish\.fallbacks\[1\]: "\[data-testid=\\"tweetButton\\"": does not parse/);
  });
});

describe('vigie sites sign and verify', () => {
  it('signs a newer pack that the trusted key verifies; another key or a tampered copy is refused', async () => {
    writeFileSync(p('fix.json'), JSON.stringify({ ...bundled(), version: 7 }));
    const signed = await run('sites', 'sign', p('fix.json'), '--key', p('key.json'), '--out', p('fix.signed.json'));
    expect(signed).toMatchObject({ code: 0, err: 'vigie: site pack version 7 signed\n' });
    const ok = await run('sites', 'verify', p('fix.signed.json'), '--trust', p('key.json'));
    expect(JSON.parse(ok.out)).toMatchObject({ valid: true, version: 7 });
    expect(JSON.parse((await run('sites', 'verify', p('fix.signed.json'), '--trust', p('other.json'))).out)).toMatchObject({ valid: false, refusal: 'unknown-key' });
    expect(JSON.parse((await run('sites', 'verify', p('fix.signed.json'), '--trust', p('key.json'), '--held-version', '8')).out)).toMatchObject({ valid: false, refusal: 'rollback' });
    const tampered = JSON.parse(readFileSync(p('fix.signed.json'), 'utf8'));
    tampered.payload.platforms.gmail = undefined;
    tampered.payload.platforms.x.lookups.publish.fallbacks = ['button'];
    writeFileSync(p('tampered.json'), JSON.stringify(tampered));
    const bad = await run('sites', 'verify', p('tampered.json'), '--trust', p('key.json'));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ valid: false, refusal: 'bad-signature' });
  });

  it('refuses to sign a pack not newer than the bundled one, or one whose selector does not parse', async () => {
    writeFileSync(p('same.json'), JSON.stringify(bundled()));
    expect((await run('sites', 'sign', p('same.json'), '--key', p('key.json'))).err).toMatch(/version 1 is not newer than the pack bundled with this release/);
    const draft = { ...bundled(), version: 9 };
    draft.platforms['action-builder'].lookups.exportControls.fallbacks[1] = 'a.upload-csv >';
    writeFileSync(p('bad-sign.json'), JSON.stringify(draft));
    const r = await run('sites', 'sign', p('bad-sign.json'), '--key', p('key.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('platforms.action-builder.lookups.exportControls.fallbacks[1]: "a.upload-csv >": ends with a combinator');
  });
});
