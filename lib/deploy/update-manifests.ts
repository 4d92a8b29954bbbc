/**
 * The update manifests the update host serves: Chrome/Edge's `updates.xml` (gupdate protocol 2.0,
 * the format Chrome documents for self-hosting) and Firefox's `updates.json` (named by the
 * manifest's `browser_specific_settings.gecko.update_url`). A browser fetches them on its update
 * timer and installs a higher `version` than the one it holds.
 */
import { GECKO_ID } from './policies';

function xmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function chromeUpdatesXml({ id, version, crxUrl }: { id: string; version: string; crxUrl: string }): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">',
    `  <app appid="${xmlAttribute(id)}">`,
    `    <updatecheck codebase="${xmlAttribute(crxUrl)}" version="${xmlAttribute(version)}" />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

export function firefoxUpdatesJson({ version, xpiUrl }: { version: string; xpiUrl: string }) {
  return { addons: { [GECKO_ID]: { updates: [{ version, update_link: xpiUrl }] } } };
}
