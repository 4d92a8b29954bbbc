import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EN, FR, escapeHtml, gmailReply, noticeIn, outlookReply } from './helpers';

const frWords = FR.split(' ');
const enWords = EN.split(' ');
const frHtml = escapeHtml(FR);

describe('notice detector: present', () => {
  it('finds the French notice in HTML and in plain text', () => {
    expect(noticeIn(`<p>Bonjour</p><p><b>AVIS</b><br>${frHtml}</p>`)).toBe('present');
    expect(noticeIn(`Bonjour\n\nAVIS\n${FR}\n`, 'text')).toBe('present');
  });

  it('finds the English notice alone: either language counts', () => {
    expect(noticeIn(`<p>Hello</p><p>${escapeHtml(EN)}</p>`)).toBe('present');
  });

  it('with the address wrapped in <a href="mailto:…">', () => {
    const linked = frHtml.replace('representation@acep-cape.ca', '<a href="mailto:representation@acep-cape.ca" target="_blank">representation@acep-cape.ca</a>');
    expect(noticeIn(`<div>${linked}</div>`)).toBe('present');
  });

  it('with NBSP, entities, line breaks and typographic apostrophes in the notice', () => {
    const styled = frHtml
      .replace(/ de /g, '&nbsp;de\u00a0')
      .replace(/'/g, '&rsquo;')
      .replace('Plusieurs personnes', 'Plusieurs<br>\npersonnes')
      .replace(/é/g, '&eacute;');
    expect(noticeIn(`<p>${styled}</p>`)).toBe('present');
    expect(noticeIn(FR.replace(/'/g, '\u2019').replace(/ /g, (m, i: number) => (i % 3 ? ' ' : '\n')), 'text')).toBe('present');
  });

  it('in a Gmail reply whose quote also has it', () => {
    expect(noticeIn(gmailReply(`Oui.<br>${frHtml}`, frHtml))).toBe('present');
  });
});

describe('notice detector: altered', () => {
  it('a truncated notice', () => {
    expect(noticeIn(`<p>${escapeHtml(frWords.slice(0, 40).join(' '))}</p>`)).toBe('altered');
    expect(noticeIn(`<p>${escapeHtml(enWords.slice(0, Math.ceil(enWords.length * 0.6)).join(' '))}</p>`)).toBe('altered');
  });

  it('only its opening words', () => {
    expect(noticeIn(`<p>${frWords.slice(0, 8).join(' ')}.</p>`)).toBe('altered');
  });

  it('its end without its opening (most word 4-grams)', () => {
    expect(noticeIn(`<p>${escapeHtml(frWords.slice(frWords.length / 2).join(' '))}</p>`)).toBe('altered');
  });

  it('one word changed, even to correct the official text', () => {
    expect(noticeIn(`<p>${frHtml.replace('Veillez', 'Veuillez')}</p>`)).toBe('altered');
    expect(noticeIn(`<p>${frHtml.replace('confidentiels', 'secrets')}</p>`)).toBe('altered');
    expect(noticeIn(`<p>${escapeHtml(EN.replace('cannot', 'can'))}</p>`)).toBe('altered');
  });

  it('a word glued to the notice does not make it whole', () => {
    expect(noticeIn(`<p>Sur${frHtml}</p>`)).toBe('altered');
  });

  it('altered in the new content wins over whole in the quote', () => {
    expect(noticeIn(gmailReply(frHtml.replace('privés', 'publics'), frHtml))).toBe('altered');
  });
});

describe('notice detector: only in the quote, or missing', () => {
  it('Gmail reply with the notice only in the quote', () => {
    expect(noticeIn(gmailReply('Merci, à jeudi.', `<div>Bonjour<br><b>AVIS</b><br>${frHtml}</div>`))).toBe('only-in-quote');
  });

  it('Outlook reply with the notice only in the quote', () => {
    expect(noticeIn(outlookReply('Thanks.', `<p>${escapeHtml(EN)}</p>`))).toBe('only-in-quote');
  });

  it('plain-text reply with the notice in ">" lines', () => {
    const quoted = (FR.match(/.{1,60}(?:\s|$)/g) ?? []).map((l) => `> ${l.trim()}`).join('\n');
    expect(noticeIn(`Merci.\n\nLe 20 avr. 2026, Marie <m@example.org> a écrit :\n${quoted}\n`, 'text')).toBe('only-in-quote');
  });

  it('in a long history, found past other occurrences of its address', () => {
    const noise = '<p>Écrivez à representation@acep-cape.ca pour toute question.</p><p>bla bla</p>'.repeat(20);
    expect(noticeIn(gmailReply('Merci.', `${noise}<p>${frHtml}</p>`))).toBe('only-in-quote');
  });

  it('a truncated notice in the quote is just missing', () => {
    expect(noticeIn(gmailReply('Merci.', escapeHtml(frWords.slice(0, 30).join(' '))))).toBe('missing');
  });

  it('nothing anywhere', () => {
    expect(noticeIn('<p>Bonjour, à jeudi.</p>')).toBe('missing');
    expect(noticeIn('', 'text')).toBe('missing');
  });

  it('a few notice words in ordinary prose are not an altered notice', () => {
    expect(noticeIn('<p>Plusieurs personnes ont accès à la salle. Veuillez communiquer avec votre agente.</p>')).toBe('missing');
  });
});

/** Word separators a mail editor may put between two words of the notice. */
const separator = fc.constantFrom(' ', '  ', '\n', '\r\n', '\u00a0', '\u202f', ' \u200b', '<br>', '</p><p>', '</div>\n<div>', ' <span style="font-size:10px">', '</span> ', '&nbsp;', ' <!-- x --> ', '<wbr> ', '&#32;');
const wordStyle = fc.constantFrom('plain', 'upper', 'bold', 'span', 'entities', 'soft-hyphen');

function styleWord(word: string, style: string): string {
  const html = escapeHtml(word);
  switch (style) {
    case 'upper': return html.toUpperCase().replace(/&[A-Z]+;/g, (e) => e.toLowerCase());
    case 'bold': return `<b>${html}</b>`;
    case 'span': return `<span style="color:#333">${html}</span>`;
    case 'entities': return html.replace(/é/g, '&eacute;').replace(/'/g, '&#39;').replace(/à/g, '&#xE0;');
    case 'soft-hyphen': return html.length > 3 ? `${html.slice(0, 2)}&shy;${html.slice(2)}` : html;
    default: return html;
  }
}

describe('notice detector: properties', () => {
  it('the notice is still present after random formatting (tags, spaces, NBSP, line breaks, case, entities)', () => {
    const words = fc.constantFrom(frWords, enWords);
    fc.assert(
      fc.property(
        words.chain((ws) => fc.tuple(fc.constant(ws), fc.array(separator, { minLength: ws.length, maxLength: ws.length }), fc.array(wordStyle, { minLength: ws.length, maxLength: ws.length }))),
        fc.boolean(),
        ([ws, seps, styles], reply) => {
          const notice = ws.map((w, i) => styleWord(w, styles[i]!) + (i < ws.length - 1 ? seps[i] : '')).join('');
          const body = `<p>Bonjour,</p><div class="sig"><p>${notice}</p></div>`;
          return noticeIn(reply ? gmailReply(body, '<p>Question</p>') : body) === 'present';
        },
      ),
      { numRuns: 300 },
    );
  });

  it('dropping or replacing any one word makes it not present', () => {
    const edit = fc.record({
      lang: fc.constantFrom(frWords, enWords),
      index: fc.nat(),
      replacement: fc.option(fc.stringMatching(/^[a-zà-ÿ]{1,12}$/), { nil: undefined }),
    });
    fc.assert(
      fc.property(edit, ({ lang, index, replacement }) => {
        const i = index % lang.length;
        if (replacement !== undefined && replacement === lang[i]!.toLowerCase()) return true;
        const ws = [...lang];
        if (replacement === undefined) ws.splice(i, 1);
        else ws[i] = replacement;
        return noticeIn(`<p>${escapeHtml(ws.join(' '))}</p>`) !== 'present' && noticeIn(ws.join('\n'), 'text') !== 'present';
      }),
      { numRuns: 500 },
    );
  });
});
