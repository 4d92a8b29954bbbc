/**
 * Windows registry files (.reg) for Chrome and Edge: the force-install list and IT's configuration
 * under `3rdparty\extensions\<id>\policy`. Registry values are strings, so `trustedKeys` (a list)
 * is written as JSON text; Chrome and Edge parse such a string by the extension's managed schema.
 */
import { BROWSERS, forcelistEntry, type ChromiumBrowser, type KitIds, type ManagedConfig } from './policies';

/** A .reg string literal: backslashes and double quotes escaped; no line breaks allowed. */
function regString(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('a .reg string value cannot hold a line break');
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The text of the .reg file (regedit's "Version 5.00" format, CRLF line ends). */
export function windowsRegText(browser: ChromiumBrowser, ids: KitIds, config: ManagedConfig): string {
  const root = `HKEY_LOCAL_MACHINE\\${BROWSERS[browser].registry}`;
  const lines = [
    'Windows Registry Editor Version 5.00',
    '',
    `; Vigie for ${BROWSERS[browser].name}: force-installed from the organisation's update host, with IT's configuration.`,
    // "1" is the list's first slot: if the organisation already force-installs other extensions, renumber it.
    `[${root}\\ExtensionInstallForcelist]`,
    `${regString('1')}=${regString(forcelistEntry(ids))}`,
    '',
    `[${root}\\3rdparty\\extensions\\${ids.chromeId}\\policy]`,
    `${regString('policyUrl')}=${regString(config.policyUrl)}`,
    `${regString('trustedKeys')}=${regString(JSON.stringify(config.trustedKeys))}`,
    '',
  ];
  return lines.join('\r\n');
}

/** regedit reads UTF-16LE with a byte-order mark; that keeps accented labels intact. */
export function windowsRegFile(browser: ChromiumBrowser, ids: KitIds, config: ManagedConfig): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(windowsRegText(browser, ids, config), 'utf16le')]);
}
