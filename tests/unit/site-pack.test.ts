import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectorProblem } from '../../lib/core/css-selector';
import { InvalidDocumentError } from '../../lib/core/errors';
import { generateKeyPair, signDocument, SignatureRefusal, type TrustedKey } from '../../lib/core/signature';
import { parseSitePack, type SitePack } from '../../lib/core/site-pack';
import { verifySitePack } from '../../lib/core/site-pack-verify';
import { ADAPTERS } from '../../lib/platforms/registry';
import { BUNDLED_SITES } from '../../lib/platforms/site-lookups';
import { demoKeyPair, demoTrust } from './helpers';

const bundledText = readFileSync(new URL('../../lib/packs/sites.json', import.meta.url), 'utf8');
/** A fresh copy of the bundled pack to edit. */
const draft = (): SitePack => JSON.parse(bundledText);

function problemsOf(value: unknown): string[] {
  try {
    parseSitePack(value);
  } catch (error) {
    if (error instanceof InvalidDocumentError) return error.problems;
    throw error;
  }
  return [];
}

describe('the bundled site pack', () => {
  it('parses: every selector is one the browsers accept', () => {
    expect(parseSitePack(JSON.parse(bundledText))).toMatchObject({ vigie: 'sites/1', version: BUNDLED_SITES.version });
  });

  it('has a section for every adapter in the registry, and nothing else', () => {
    // Gmail and Outlook join the pack once their adapters' rework (issue 9, items 1-4) has landed.
    const converted = ADAPTERS.map((a) => a.platform).filter((p) => p !== 'gmail' && p !== 'outlook');
    expect(Object.keys(BUNDLED_SITES.platforms).sort()).toEqual(converted.sort());
  });

  it('holds data only: strings, numbers, lists and objects', () => {
    const kinds = new Set<string>();
    JSON.parse(bundledText, (_key, value) => {
      kinds.add(Array.isArray(value) ? 'array' : typeof value);
      return value;
    });
    expect([...kinds].sort()).toEqual(['array', 'number', 'object', 'string']);
  });
});

describe('a selector that does not parse is refused, with its place in the pack', () => {
  it('names the platform, the lookup and the fallback', () => {
    const pack = draft();
    pack.platforms['action-network']!.lookups.exportControls!.fallbacks = ['#report_download', 'a.download_report', 'button[data-export='];
    expect(problemsOf(pack)).toEqual([expect.stringMatching(/^platforms\.action-network\.lookups\.exportControls\.fallbacks\[2\]: "button\[data-export=": does not parse/)]);
  });

  it('lists every bad selector, not only the first', () => {
    const pack = draft();
    pack.platforms.x!.lookups.publish!.fallbacks = ['[data-testid="tweetButton"] >'];
    pack.platforms.nextcloud!.lookups.createShareLink!.fallbacks[1] = 'button:contains("Share")';
    expect(problemsOf(pack)).toEqual([
      'platforms.nextcloud.lookups.createShareLink.fallbacks[1]: "button:contains(\\"Share\\")": unknown pseudo-class :contains',
      'platforms.x.lookups.publish.fallbacks[0]: "[data-testid=\\"tweetButton\\"] >": ends with a combinator',
    ]);
  });

  it.each([
    ['', 'empty selector'],
    ['div[role="button"', 'does not parse'],
    ['a,,b', 'does not parse'],
    ['a >', 'ends with a combinator'],
    ['> a', 'starts with a combinator'],
    ['a::before', 'pseudo-element'],
    [':frobnicate', 'unknown pseudo-class'],
    ['li:nth-child(first)', 'not an An+B argument'],
    ['a:not()', 'does not parse'],
  ])('refuses %j (%s)', (selector, why) => {
    expect(selectorProblem(selector)).toContain(why);
  });

  it.each([
    'div[g_editable="true"][contenteditable="true"]',
    'input[name*="wrapper" i]',
    'div:has(> [role="textbox"]):not([aria-hidden="true"])',
    'li:nth-child(2n+1 of .item)',
    '#O365_MainLink_Me, [role="banner"] button[aria-label*="@"]',
    'ytcp-uploads-dialog #done-button',
  ])('accepts %j', (selector) => {
    expect(selectorProblem(selector)).toBeUndefined();
  });

  it('refuses code where data belongs: a function, an unknown field, a negative number', () => {
    const pack = draft() as unknown as Record<string, any>;
    pack.platforms.nationbuilder.lookups.exportControls.match = 'el => el.click()';
    pack.platforms.nationbuilder.numbers = { depth: -1 };
    expect(problemsOf(pack)).toEqual([
      expect.stringMatching(/^platforms\.nationbuilder\.lookups\.exportControls: Unrecognized key.*"match"/),
      expect.stringMatching(/^platforms\.nationbuilder\.numbers\.depth: /),
    ]);
  });
});

describe('a signed site pack', () => {
  const newer = () => ({ ...draft(), version: BUNDLED_SITES.version + 1, note: 'Action Builder: new export button' });

  it('verifies with a trusted key, newer than the bundled pack', async () => {
    const signed = await signDocument('sites', newer(), demoKeyPair);
    const { pack, key } = await verifySitePack(signed, demoTrust, BUNDLED_SITES.version + 1);
    expect(pack.version).toBe(BUNDLED_SITES.version + 1);
    expect(key.keyId).toBe(demoKeyPair.keyId);
  });

  async function refusal(input: unknown, trusted: readonly TrustedKey[] = demoTrust, floor = BUNDLED_SITES.version + 1): Promise<SignatureRefusal> {
    try {
      await verifySitePack(input, trusted, floor);
    } catch (error) {
      if (error instanceof SignatureRefusal) return error;
      throw error;
    }
    throw new Error('the pack was accepted');
  }

  it('is refused when tampered with after signing (one selector changed)', async () => {
    const signed = await signDocument('sites', newer(), demoKeyPair);
    const payload = signed.payload as unknown as SitePack;
    payload.platforms['action-builder']!.lookups.exportControls!.fallbacks = ['body'];
    expect((await refusal(signed)).code).toBe('bad-signature');
  });

  it('is refused when signed by a key that is not trusted', async () => {
    const stranger = await generateKeyPair();
    expect((await refusal(await signDocument('sites', newer(), stranger))).code).toBe('unknown-key');
  });

  it('is refused when older than the pack held (rollback), and when not newer than the bundled one', async () => {
    const v3 = await signDocument('sites', { ...newer(), version: 3 }, demoKeyPair);
    expect((await refusal(v3, demoTrust, 4)).code).toBe('rollback');
    const asBundled = await signDocument('sites', { ...draft(), version: BUNDLED_SITES.version }, demoKeyPair);
    expect((await refusal(asBundled)).code).toBe('rollback');
  });

  it('is refused when it is a policy or a grant, not a site pack', async () => {
    const policyEnvelope = await signDocument('policy', newer(), demoKeyPair);
    expect((await refusal(policyEnvelope)).code).toBe('wrong-kind');
  });

  it('is refused as invalid when a selector does not parse, with the located problem', async () => {
    const pack = newer();
    pack.platforms['action-builder']!.lookups.exportControls!.fallbacks.push('#wall_chart_export[');
    const error = await refusal(await signDocument('sites', pack, demoKeyPair));
    expect(error.code).toBe('invalid');
    expect(error.problems).toEqual([expect.stringMatching(/^platforms\.action-builder\.lookups\.exportControls\.fallbacks\[2\]: /)]);
  });
});
