/**
 * The kit's Windows .reg and macOS .mobileconfig files, read back the way the systems read them:
 * the .reg decoded from UTF-16LE and parsed key by key (escapes undone), the profiles parsed as
 * plists. The JSON string values must give back exactly IT's configuration.
 */
import { generateKeyPairSync } from 'node:crypto';
import { parse } from 'plist';
import { describe, expect, it } from 'vitest';
import { chromeIdFromManifestKey, chromeIdFromSpki, PRODUCTION_CHROME_ID, readPackingKey } from '../../lib/deploy/chrome-id';
import { profileObject, mobileconfigText, stableUuid } from '../../lib/deploy/mobileconfig';
import { chromiumPolicy, firefoxPolicy, GECKO_ID, type KitIds, type ManagedConfig } from '../../lib/deploy/policies';
import { chromeUpdatesXml } from '../../lib/deploy/update-manifests';
import { windowsRegFile } from '../../lib/deploy/windows-reg';

const IDS: KitIds = { chromeId: 'abcdefghijklmnopabcdefghijklmnop', chromeUpdateUrl: 'https://maj.example.org/vigie/updates.xml', firefoxXpiUrl: 'https://maj.example.org/vigie/vigie.xpi' };
const CONFIG: ManagedConfig = {
  policyUrl: 'https://maj.example.org/acep/politique.signed.json?v="2"&x=\\y',
  trustedKeys: [
    { keyId: 'ZYXtnhny1TdsYaL_', publicKey: 'oDTEq9UAuDpu8lOdfzeINCGgT8itTAS-v1XST23fcu0', label: 'Bureau de la protection des renseignements — « 2026 »' },
    { keyId: 'AAAAAAAAAAAAAAAA', publicKey: 'BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', label: 'Clé "de secours" \\ C:\\' },
  ],
};

/** A small .reg reader: `[key]` sections of `"name"="value"` lines, with regedit's escapes undone. */
function parseReg(file: Buffer): { header: string; keys: Map<string, Map<string, string>> } {
  expect([...file.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  const text = file.subarray(2).toString('utf16le');
  const lines = text.split('\r\n');
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const keys = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of lines.slice(1)) {
    if (line === '' || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = new Map();
      keys.set(section[1]!, current);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"="((?:[^"\\]|\\.)*)"$/.exec(line);
    if (!value || !current) throw new Error(`not a .reg string value: ${line}`);
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    current.set(unescape(value[1]!), unescape(value[2]!));
  }
  return { header: lines[0]!, keys };
}

describe('Windows .reg files', () => {
  for (const [browser, root] of [
    ['chrome', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome'],
    ['edge', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge'],
  ] as const) {
    it(`${browser}: the force-install list and 3rdparty values, trustedKeys as JSON text that round-trips`, () => {
      const { header, keys } = parseReg(windowsRegFile(browser, IDS, CONFIG));
      expect(header).toBe('Windows Registry Editor Version 5.00');
      expect([...keys.keys()]).toEqual([`${root}\\ExtensionInstallForcelist`, `${root}\\3rdparty\\extensions\\${IDS.chromeId}\\policy`]);
      expect(Object.fromEntries(keys.get(`${root}\\ExtensionInstallForcelist`)!)).toEqual({ '1': `${IDS.chromeId};${IDS.chromeUpdateUrl}` });
      const policy = keys.get(`${root}\\3rdparty\\extensions\\${IDS.chromeId}\\policy`)!;
      expect([...policy.keys()]).toEqual(['policyUrl', 'trustedKeys']);
      expect(policy.get('policyUrl')).toBe(CONFIG.policyUrl);
      expect(JSON.parse(policy.get('trustedKeys')!)).toEqual(CONFIG.trustedKeys);
    });
  }

  it('refuses a value that would break the line-based format', () => {
    expect(() => windowsRegFile('chrome', IDS, { ...CONFIG, policyUrl: 'https://a.example/\r\n[HKEY_LOCAL_MACHINE\\X]' })).toThrow(/line break/);
  });
});

describe('macOS configuration profiles', () => {
  for (const browser of ['chrome', 'edge'] as const) {
    const domain = browser === 'chrome' ? 'com.google.Chrome' : 'com.microsoft.Edge';
    it(`${browser}: a Configuration profile with the forcelist payload and the extension's managed domain`, () => {
      const xml = mobileconfigText(browser, 'ACEP', IDS, CONFIG);
      expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE plist/);
      const profile = parse(xml) as Record<string, any>;
      expect(profile).toEqual(profileObject(browser, 'ACEP', IDS, CONFIG));
      expect(profile.PayloadType).toBe('Configuration');
      expect(profile.PayloadScope).toBe('System');
      const [install, configuration] = profile.PayloadContent;
      expect(install.PayloadType).toBe(domain);
      expect(install.ExtensionInstallForcelist).toEqual([`${IDS.chromeId};${IDS.chromeUpdateUrl}`]);
      expect(configuration.PayloadType).toBe(`${domain}.extensions.${IDS.chromeId}`);
      expect(configuration.policyUrl).toBe(CONFIG.policyUrl);
      expect(configuration.trustedKeys).toEqual(CONFIG.trustedKeys);
      for (const p of [profile, install, configuration]) {
        expect(p.PayloadUUID).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
        expect(p.PayloadVersion).toBe(1);
      }
      expect(new Set([profile.PayloadUUID, install.PayloadUUID, configuration.PayloadUUID]).size).toBe(3);
    });
  }

  it('firefox: one org.mozilla.firefox payload with ExtensionSettings and 3rdparty as native dictionaries', () => {
    const profile = parse(mobileconfigText('firefox', 'Parti Citoyen', IDS, CONFIG)) as Record<string, any>;
    const [payload] = profile.PayloadContent;
    expect(profile.PayloadContent).toHaveLength(1);
    expect(payload.PayloadType).toBe('org.mozilla.firefox');
    expect(payload.EnterprisePoliciesEnabled).toBe(true);
    expect(payload.ExtensionSettings).toEqual({ [GECKO_ID]: { installation_mode: 'force_installed', install_url: IDS.firefoxXpiUrl } });
    expect(payload['3rdparty']).toEqual({ Extensions: { [GECKO_ID]: CONFIG } });
    expect(profile.PayloadIdentifier).toBe('org.vigie-extension.deploy.parti-citoyen.firefox');
  });

  it('the same kit made again gives the same UUIDs (the profile replaces the installed one)', () => {
    expect(stableUuid('x')).toBe(stableUuid('x'));
    expect(stableUuid('x')).not.toBe(stableUuid('y'));
    expect(mobileconfigText('chrome', 'ACEP', IDS, CONFIG)).toBe(mobileconfigText('chrome', 'ACEP', IDS, CONFIG));
  });
});

describe('ids, update manifest and JSON policies', () => {
  it("the production id comes from the manifest key in wxt.config.ts", async () => {
    const { readFileSync } = await import('node:fs');
    const key = /CHROME_PUBLIC_KEY = '([^']+)'/.exec(readFileSync('wxt.config.ts', 'utf8'))![1]!;
    expect(chromeIdFromManifestKey(key)).toBe(PRODUCTION_CHROME_ID);
  });

  it('a packing key gives its id and its public half as the manifest key; a non-RSA key is refused', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const packing = readPackingKey(privateKey.export({ type: 'pkcs1', format: 'pem' }), 'key.pem');
    expect(packing.id).toBe(chromeIdFromSpki(publicKey.export({ type: 'spki', format: 'der' })));
    expect(chromeIdFromManifestKey(packing.manifestKey)).toBe(packing.id);
    expect(packing.id).toMatch(/^[a-p]{32}$/);
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => readPackingKey(ed, 'ed.pem')).toThrow(/ed\.pem: a CRX packing key must be RSA/);
    expect(() => readPackingKey('not a key', 'x.pem')).toThrow(/x\.pem: not a PEM private key/);
  });

  it('updates.xml escapes the address and names the id and version', () => {
    const xml = chromeUpdatesXml({ id: IDS.chromeId, version: '1.2.3', crxUrl: 'https://maj.example.org/v.crx?a=1&b="2"' });
    expect(xml).toContain(`<app appid="${IDS.chromeId}">`);
    expect(xml).toContain('codebase="https://maj.example.org/v.crx?a=1&amp;b=&quot;2&quot;" version="1.2.3"');
  });

  it('Linux JSON and policies.json carry the same configuration', () => {
    expect(chromiumPolicy(IDS, CONFIG)['3rdparty'].extensions[IDS.chromeId]).toEqual(CONFIG);
    expect(firefoxPolicy(IDS, CONFIG)['3rdparty'].Extensions[GECKO_ID]).toEqual(CONFIG);
  });
});
