/**
 * macOS configuration profiles (.mobileconfig) for Chrome, Edge and Firefox: one payload per
 * preference domain, the way Google's and Mozilla's own macOS templates do. Chrome and Edge read
 * an extension's managed configuration from the domain `<browser>.extensions.<id>`; Firefox reads
 * `3rdparty` from `org.mozilla.firefox` itself. Values are native plist types, not JSON text.
 *
 * UUIDs are derived from the identifiers, so a kit made again installs over the previous profile
 * instead of beside it.
 */
import { createHash } from 'node:crypto';
import { build } from 'plist';
import { BROWSERS, chromiumPolicy, firefoxPolicy, GECKO_ID, type ChromiumBrowser, type KitIds, type ManagedConfig } from './policies';

export type ProfileBrowser = ChromiumBrowser | 'firefox';

const PROFILE_PREFIX = 'org.vigie-extension.deploy';

/** A stable UUID (RFC 4122 layout, version 5 bits) from a name. */
export function stableUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'org';
}

function payload(domain: string, identifier: string, displayName: string, settings: Record<string, unknown>) {
  return {
    PayloadType: domain,
    PayloadIdentifier: identifier,
    PayloadUUID: stableUuid(identifier),
    PayloadVersion: 1,
    PayloadDisplayName: displayName,
    ...settings,
  };
}

/** The profile as a plain object (what the unit tests compare the parsed file with). */
export function profileObject(browser: ProfileBrowser, organisation: string, ids: KitIds, config: ManagedConfig) {
  const base = `${PROFILE_PREFIX}.${slug(organisation)}.${browser}`;
  const name = browser === 'firefox' ? 'Mozilla Firefox' : BROWSERS[browser].name;
  let content;
  if (browser === 'firefox') {
    content = [payload('org.mozilla.firefox', `${base}.policies`, `Vigie (${name})`, { EnterprisePoliciesEnabled: true, ...firefoxPolicy(ids, config) })];
  } else {
    const domain = BROWSERS[browser].macDomain;
    const { ExtensionInstallForcelist } = chromiumPolicy(ids, config);
    content = [
      payload(domain, `${base}.forcelist`, `Vigie: installation (${name})`, { ExtensionInstallForcelist }),
      payload(`${domain}.extensions.${ids.chromeId}`, `${base}.configuration`, `Vigie: configuration (${name})`, { ...config }),
    ];
  }
  return {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: base,
    PayloadUUID: stableUuid(base),
    PayloadDisplayName: `Vigie — ${organisation} (${name})`,
    PayloadDescription: `Installs Vigie in ${name} and gives it ${organisation}'s policy address and signing keys.`,
    PayloadOrganization: organisation,
    PayloadScope: 'System',
    PayloadContent: content,
  };
}

export function mobileconfigText(browser: ProfileBrowser, organisation: string, ids: KitIds, config: ManagedConfig): string {
  return build(profileObject(browser, organisation, ids, config));
}

export { GECKO_ID };
