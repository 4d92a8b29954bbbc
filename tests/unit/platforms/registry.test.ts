import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICIES, DEFAULT_POLICY } from '../../../lib/packs';
import { ADAPTERS, adapterFor } from '../../../lib/platforms/registry';
// @ts-expect-error: a plain ES module without types, shared with the e2e tests.
import { WEBMAIL_ROUTES } from '../../e2e/routes-webmail.mjs';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

/** Publish adapters whose composer is guessed and has no fixture yet (Facebook's stands for them in e2e). */
const WITHOUT_FIXTURES = ['instagram', 'x', 'youtube'];

/** STYLE.md habit 2: every adapter is registered and has fixtures in both languages. */
describe('platform adapters', () => {
  it('every webmail platform of the policy pack has a registered compose adapter', () => {
    const webmail = DEFAULT_POLICY.platforms.filter((p) => p.kind === 'webmail').map((p) => p.id);
    expect(webmail.length).toBeGreaterThan(0);
    for (const id of webmail) expect(adapterFor(id)?.compose, id).toBeDefined();
  });

  it.each(ADAPTERS.map((a) => [a.platform, a]))('%s: platform and family are known, each id registered once', (platform, adapter) => {
    expect(BUNDLED_POLICIES.some((policy) => policy.platforms.some((p) => p.id === platform))).toBe(true);
    expect(ADAPTERS.filter((a) => a.platform === platform)).toHaveLength(1);
    expect(adapter.family).toMatch(/^[a-z-]+$/);
  });

  it('the adapters still without fixtures are exactly the known gaps (add a fixture, shorten the list)', () => {
    const missing = ADAPTERS.map((a) => a.platform).filter((platform) => !existsSync(join(FIXTURES, platform)));
    expect(missing).toEqual(WITHOUT_FIXTURES);
  });

  it.each(ADAPTERS.filter((a) => !WITHOUT_FIXTURES.includes(a.platform)).map((a) => [a.platform]))('%s: has fixtures, each English page with its French twin', (platform) => {
    const dir = join(FIXTURES, platform);
    expect(existsSync(dir)).toBe(true);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages.filter((f) => f.endsWith('.en.html'))) expect(pages).toContain(page.replace('.en.html', '.fr.html'));
  });

  it('every Outlook fixture and every Gmail compose fixture is served by a webmail route and says what is guessed', () => {
    const routed = new Set((WEBMAIL_ROUTES as Array<{ fixture: string | Record<string, string> }>).flatMap((r) => (typeof r.fixture === 'string' ? [r.fixture] : Object.values(r.fixture))));
    const files = [...readdirSync(join(FIXTURES, 'outlook')).map((f) => `outlook/${f}`), ...readdirSync(join(FIXTURES, 'gmail')).filter((f) => !f.startsWith('inbox-compose')).map((f) => `gmail/${f}`)];
    for (const file of files) {
      expect(routed.has(file), file).toBe(true);
      if (!file.endsWith('.html')) continue;
      const head = readFileSync(join(FIXTURES, file), 'utf8').split('-->')[0]!;
      expect(head, file).toMatch(/\[V\]/);
      expect(head, file).toMatch(/\[G\]/);
    }
  });
});
