import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORGANIZING_STRINGS } from '../../lib/organizing/strings';
import { CONTENT_SCRIPT_SITES } from '../../lib/packs/site-parts';
import sites from '../../lib/packs/sites.json';
import demo from '../../lib/trust/demo-public-key.json';
import { SEND_STRINGS } from '../../lib/webmail/send-strings';

/** The production build is what IT force-installs: check what it asks for and what it trusts. */
const out = join('.output', 'chrome-mv3');
let manifest: Record<string, unknown>;
let bundle: string;

beforeAll(() => {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'pipe' });
  manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.js') ? [join(dir, d.name)] : []));
  bundle = files(out).map((f) => readFileSync(f, 'utf8')).join('\n');
}, 60_000);

describe('production build', () => {
  it('has a stable id (manifest key) and MV3', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(String(manifest.key)).toMatch(/^MIIBIjAN/);
  });

  it('asks only for the guarded platforms and the APIs it uses', () => {
    expect(manifest.host_permissions).toEqual([
      'https://actionnetwork.org/*',
      'https://*.actionnetwork.org/*',
      'https://*.actionbuilder.org/*',
      'https://mail.google.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.live.com/*',
      'https://*.nationbuilder.com/*',
      'https://www.facebook.com/*',
      'https://business.facebook.com/*',
      'https://www.instagram.com/*',
      'https://x.com/*',
      'https://twitter.com/*',
      'https://studio.youtube.com/*',
    ]);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['storage', 'downloads', 'alarms', 'scripting']));
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
  });

  it('grants no host beyond the platforms at install: any other https host is optional, asked one at a time', () => {
    // Optional is not granted: the options page asks for the policy's self-hosted hosts (a
    // Nextcloud on the organisation's domain) with permissions.request, which the person accepts.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.host_permissions).not.toContain('https://*/*');
    expect(manifest.optional_permissions).toBeUndefined();
    // The self-hosted platform's script is registered at run time, not matched by the manifest.
    const scripts = (manifest.content_scripts as Array<{ js: string[] }>).flatMap((s) => s.js);
    expect(scripts).not.toContain('content-scripts/nextcloud.js');
  });

  it("bundles in each content script its own platforms' part of the site pack, without the notes for people", () => {
    const platforms = sites.platforms as Record<string, { sources?: string; lookups: Record<string, { why: string; fallbacks: string[] }> }>;
    const selectorsOf = (id: string): string[] => Object.values(platforms[id]!.lookups).flatMap((l) => l.fallbacks);
    // A selector only this platform uses.
    const marker = (id: string): string => {
      const others = Object.keys(platforms).filter((p) => p !== id).flatMap(selectorsOf);
      const found = selectorsOf(id).find((s) => !others.some((o) => o.includes(s)));
      if (!found) throw new Error(`no selector unique to ${id}`);
      return found;
    };
    // As the minifier writes it: in a template literal as is, in a quoted one with its quotes escaped.
    const carries = (code: string, text: string): boolean => code.includes(text) || code.includes(JSON.stringify(text).slice(1, -1));
    for (const [script, own] of Object.entries(CONTENT_SCRIPT_SITES)) {
      const code = readFileSync(join(out, 'content-scripts', `${script}.js`), 'utf8');
      for (const id of Object.keys(platforms)) {
        expect(carries(code, marker(id)), `${script}.js carries ${id}'s selectors`).toBe(own.includes(id));
        expect(carries(code, platforms[id]!.sources!.slice(0, 60))).toBe(false);
        expect(carries(code, Object.values(platforms[id]!.lookups)[0]!.why)).toBe(false);
      }
    }
  });

  it('bundles no webextension-polyfill in a content script: both browsers do natively what it did', () => {
    const polyfill = 'This script should only be loaded in a browser extension';
    expect(readFileSync(join(out, 'background.js'), 'utf8')).toContain(polyfill);
    for (const script of readdirSync(join(out, 'content-scripts')).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(join(out, 'content-scripts', script), 'utf8'), script).not.toContain(polyfill);
    }
  });

  it("bundles in a webmail script none of the organizing guards' strings, and in an organizing script none of the send guard's", () => {
    const script = (name: string) => readFileSync(join(out, 'content-scripts', `${name}.js`), 'utf8');
    for (const name of ['gmail', 'outlook']) expect(script(name)).not.toContain(ORGANIZING_STRINGS.copyAnyway.en);
    for (const name of ['action-network', 'action-builder']) {
      expect(script(name)).toContain(ORGANIZING_STRINGS.copyAnyway.en);
      expect(script(name)).not.toContain(SEND_STRINGS.fixAllAndSend.en);
    }
    expect(script('gmail')).toContain(SEND_STRINGS.fixAllAndSend.en);
  });

  it('does not contain, let alone trust, the demo key', () => {
    expect(bundle.length).toBeGreaterThan(10_000);
    expect(bundle).not.toContain(demo.publicKey);
    expect(bundle).not.toContain(demo.keyId);
  });
});
