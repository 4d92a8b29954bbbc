/**
 * What each browser is told, as plain objects: force-install Vigie from the organisation's update
 * host, and hand it IT's configuration (`3rdparty`, read through `storage.managed`). The Linux JSON,
 * the Windows .reg, the macOS profiles and Firefox's policies.json are all written from these, so
 * they cannot drift apart.
 */

export const GECKO_ID = 'vigie@vigie-extension.org';

export interface ManagedConfig {
  policyUrl: string;
  trustedKeys: { keyId: string; publicKey: string; label: string }[];
}

export interface KitIds {
  chromeId: string;
  /** updates.xml on the update host. */
  chromeUpdateUrl: string;
  /** The Mozilla-signed XPI on the update host. */
  firefoxXpiUrl: string;
}

/** `ExtensionInstallForcelist`'s one entry: "<id>;<update manifest>". */
export function forcelistEntry(ids: KitIds): string {
  return `${ids.chromeId};${ids.chromeUpdateUrl}`;
}

/** Chrome, Chromium and Edge read the same policy names (Linux: one JSON file in their managed folder). */
export function chromiumPolicy(ids: KitIds, config: ManagedConfig) {
  return {
    ExtensionInstallForcelist: [forcelistEntry(ids)],
    '3rdparty': { extensions: { [ids.chromeId]: config } },
  };
}

/** Firefox's ExtensionSettings and 3rdparty (note the capital E in `Extensions`). */
export function firefoxPolicy(ids: KitIds, config: ManagedConfig) {
  return {
    ExtensionSettings: {
      [GECKO_ID]: { installation_mode: 'force_installed', install_url: ids.firefoxXpiUrl },
    },
    '3rdparty': { Extensions: { [GECKO_ID]: config } },
  };
}

/** Where each Chromium-family browser on Linux reads machine policy files. */
export const LINUX_POLICY_DIRS = {
  chrome: '/etc/opt/chrome/policies/managed',
  chromium: '/etc/chromium/policies/managed',
  edge: '/etc/opt/edge/policies/managed',
} as const;

/** Registry roots of the Windows policies, and macOS preference domains. */
export const BROWSERS = {
  chrome: { name: 'Google Chrome', registry: 'SOFTWARE\\Policies\\Google\\Chrome', macDomain: 'com.google.Chrome' },
  edge: { name: 'Microsoft Edge', registry: 'SOFTWARE\\Policies\\Microsoft\\Edge', macDomain: 'com.microsoft.Edge' },
} as const;
export type ChromiumBrowser = keyof typeof BROWSERS;
