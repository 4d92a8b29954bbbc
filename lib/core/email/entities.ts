/**
 * HTML character references, decoded without a DOM (lib/core runs in Node and the CLI too).
 * Covers the named references mail clients actually emit plus every numeric one; an unknown
 * name is left as written, as a browser would.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', hairsp: '\u200a', numsp: '\u2007', puncsp: '\u2008',
  zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', shy: '\u00ad', ZeroWidthSpace: '\u200b', NoBreak: '\u2060',
  lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e',
  laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a', prime: '\u2032', Prime: '\u2033',
  ndash: '\u2013', mdash: '\u2014', hyphen: '\u2010', minus: '\u2212', hellip: '\u2026', bull: '\u2022', middot: '\u00b7',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', euro: '\u20ac', cent: '\u00a2', pound: '\u00a3', yen: '\u00a5',
  deg: '\u00b0', sect: '\u00a7', para: '\u00b6', times: '\u00d7', divide: '\u00f7', iexcl: '\u00a1', iquest: '\u00bf',
  ordf: '\u00aa', ordm: '\u00ba', sup1: '\u00b9', sup2: '\u00b2', sup3: '\u00b3', frac12: '\u00bd', frac14: '\u00bc',
  AElig: '\u00c6', aelig: '\u00e6', OElig: '\u0152', oelig: '\u0153', szlig: '\u00df', Oslash: '\u00d8', oslash: '\u00f8',
  ETH: '\u00d0', eth: '\u00f0', THORN: '\u00de', thorn: '\u00fe', colon: ':', comma: ',', period: '.', commat: '@',
  NewLine: '\n', Tab: '\t', excl: '!', quest: '?', num: '#', dollar: '$', percnt: '%', lpar: '(', rpar: ')', sol: '/',
};

/** Accented letters (`&eacute;`, `&Ccedil;`, `&ucirc;`…): the letter plus its combining mark, composed. */
const ACCENTS: Record<string, string> = {
  grave: '\u0300', acute: '\u0301', circ: '\u0302', tilde: '\u0303', uml: '\u0308', ring: '\u030a', cedil: '\u0327',
};

/** Browsers read &#128;–&#159; as Windows-1252, which old Outlook messages rely on (&#146; is ’). */
const CP1252 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const REFERENCE = /&(?:#(\d{1,8});?|#[xX]([0-9a-fA-F]{1,7});?|([A-Za-z][A-Za-z0-9]{1,31});)/g;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return named(name) ?? whole;
    return fromCodePoint(dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16));
  });
}

function named(name: string): string | undefined {
  const direct = NAMED[name];
  if (direct !== undefined) return direct;
  const accent = /^([A-Za-z])(grave|acute|circ|tilde|uml|ring|cedil)$/.exec(name);
  if (!accent) return undefined;
  const composed = (accent[1]! + ACCENTS[accent[2]!]!).normalize('NFC');
  return composed.length === 1 ? composed : undefined;
}

function fromCodePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return CP1252[code - 0x80]!;
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}
