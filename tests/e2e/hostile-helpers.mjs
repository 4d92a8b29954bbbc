/**
 * What the hostile-page e2e tests share: hostile pages served on the platforms' real host names
 * (inline, built from the activists fixture's member list), a reader of the system clipboard from
 * an unguarded page, and a reader of what a printout holds (the characters of the PDF Chromium
 * renders, from its fonts' ToUnicode maps).
 */
import { inflateSync } from 'node:zlib';
import { ORGANIZING_PAGES } from './routes-organizing.mjs';
import { setGrant, startOrganizingBrowser } from './organizing-helpers.mjs';

/** The member list the hostile pages show (fictitious, like every fixture's). */
export const MEMBERS = [
  ['Marie Tremblay', 'marie.tremblay@example.org', '613-555-0101', 'Hôpital Montfort'],
  ['Jean-François Côté', 'jf.cote@example.org', '819-555-0102', 'CHEO'],
  ['Amina Haddad', 'amina.haddad@example.org', '613-555-0103', 'Hôpital d’Ottawa'],
  ['Wei Li', 'wei.li@example.org', '613-555-0104', 'Usine Nepean'],
  ['Sophie Gagnon', 'sophie.gagnon@example.org', '819-555-0105', 'CISSS Outaouais'],
  ['Lucas Martin', 'lucas.martin@example.org', '613-555-0106', 'Entrepôt Vanier'],
  ['Fatou Diallo', 'fatou.diallo@example.org', '613-555-0107', 'École Gisèle-Lalonde'],
  ['Noah Roy', 'noah.roy@example.org', '613-555-0108', 'Hôpital Montfort'],
];

export const MEMBER_ADDRESS = /@example\.org/;

/** The list as an HTML table (what the platform pages show). */
export const memberTable = () =>
  `<table class="members"><thead><tr><th>Name</th><th>Email</th><th>Phone</th><th>Workplace</th></tr></thead><tbody>${MEMBERS.map(
    (m) => `<tr>${m.map((c) => `<td>${c}</td>`).join('')}</tr>`,
  ).join('')}</tbody></table>`;

/** The list as tab-separated text (what a page would put on the clipboard). */
export const memberText = () => MEMBERS.map((m) => m.join('\t')).join('\n');

/** A page on a guarded host: `body` and `script` are the hostile part. */
export const hostilePage = (title, body, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="vigie-fixture" content="hostile/${title}"><title>${title}</title></head><body>${body}<script>${script}</script></body></html>`;

export const AN = 'actionnetwork.org';
/** A host Vigie does not guard, where the clipboard is read as any other program would. */
export const OUTSIDE = 'outside.vigie.test';
export const AB = 'section70.actionbuilder.org';

/**
 * Chromium with the extension, a valid grant (so every decision is the policy's, not "no grant"),
 * the clipboard permissions on both guarded hosts and on the unguarded reader page, and `routes`
 * (`{host, path, body}`) served next to the fixtures.
 */
export async function startHostileBrowser(routes, lang = 'en-US') {
  const s = await startOrganizingBrowser(lang, { hosts: [OUTSIDE] });
  for (const r of routes) s.server.route({ host: r.host, path: r.path, body: r.body, type: 'text/html; charset=utf-8' });
  s.server.route({ host: OUTSIDE, path: '/reader', body: hostilePage('reader', '<p>unguarded</p>'), type: 'text/html; charset=utf-8' });
  for (const origin of [`https://${AN}`, `https://${AB}`, 'https://outside.vigie.test']) {
    await s.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }
  await setGrant(s.browser);
  return s;
}

/** Puts a marker on the clipboard from the unguarded page, so a later read shows whether anything replaced it. */
export async function markClipboard(s, marker = 'nothing-yet') {
  const reader = await readerPage(s);
  await reader.evaluate((m) => navigator.clipboard.writeText(m), marker);
  return marker;
}

/** The system clipboard's text, read from a page Vigie does not guard (as any other app would). */
export async function readClipboard(s) {
  const reader = await readerPage(s);
  await reader.bringToFront();
  return reader.evaluate(() => navigator.clipboard.readText());
}

async function readerPage(s) {
  s.reader ??= await (async () => {
    const page = await s.browser.context.newPage();
    await page.goto('https://outside.vigie.test/reader');
    return page;
  })();
  return s.reader;
}

/**
 * The characters a printout shows: Chromium's PDF embeds, for each font, a ToUnicode map of the
 * glyphs it used, so the set of characters mapped is the set of characters on paper.
 */
export function printedCharacters(pdf) {
  const text = pdf.toString('latin1');
  const chars = new Set();
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(text); m; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    let body;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const [, section] of body.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, dst] of section.matchAll(/<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>/g)) chars.add(utf16(dst));
    }
    for (const [, section] of body.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, dst] of section.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const first = utf16(dst).codePointAt(0);
        for (let i = 0; i <= parseInt(hi, 16) - parseInt(lo, 16); i++) chars.add(String.fromCodePoint(first + i));
      }
    }
  }
  return chars;
}

/** A ToUnicode destination: UTF-16BE in hex. */
const utf16 = (hex) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

export { ORGANIZING_PAGES };
