import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../lib/core/email/entities';
import { foldAccents, htmlToText, normaliseBody, normaliseText } from '../../../lib/core/email/normalise';

describe('htmlToText', () => {
  it('separates words at block tags and joins them across inline tags', () => {
    expect(normaliseBody('Veillez<br>ne<p>pas</p><div>envoyer</div>de', 'html')).toBe('veillez ne pas envoyer de');
    expect(normaliseBody('ren<span style="color:red">seigne</span>ments <b>personnels</b>', 'html')).toBe('renseignements personnels');
    expect(normaliseBody('<a href="mailto:representation@acep-cape.ca">representation@acep-cape.ca</a>.', 'html')).toBe(
      'representation@acep-cape.ca.',
    );
  });

  it('drops what a reader never sees: head, style, script, comments, doctype', () => {
    const html =
      '<!DOCTYPE html><html><head><title>Titre</title><style>p{color:red}</style></head><body><!-- note --><script>var x = "<b>";</script>'
      + '<!--[if mso]><xml>o:OfficeDocumentSettings</xml><![endif]-->Bonjour</body></html>';
    expect(normaliseBody(html, 'html')).toBe('bonjour');
  });

  it('reads a tag whose attribute holds ">" as one tag', () => {
    expect(normaliseBody('<span title="a > b">texte</span>', 'html')).toBe('texte');
  });

  it('keeps a lone "<" that opens no tag', () => {
    expect(normaliseBody('3 < 5 et 5 > 3', 'text')).toBe('3 < 5 et 5 > 3');
    expect(htmlToText('3 &lt; 5')).toBe('3 < 5');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal, hex and Windows-1252 references', () => {
    expect(decodeEntities('l&#39;ACEP l&rsquo;ACEP priv&eacute;s acc&egrave;s &Ccedil;a &#233;t&#xE9; &nbsp;&amp;&#146;')).toBe(
      "l'ACEP l\u2019ACEP privés accès Ça été \u00a0&\u2019",
    );
  });

  it('leaves unknown names and bare ampersands as written', () => {
    expect(decodeEntities('R&D &nosuchthing; a & b')).toBe('R&D &nosuchthing; a & b');
  });

  it('never produces a lone surrogate or NUL', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
  });
});

describe('normaliseText', () => {
  it('ignores formatting: NBSP, narrow NBSP, line breaks, runs of spaces, case, typographic apostrophes', () => {
    expect(normaliseText(' Section\u00a0locale\u202f70\r\n\n  DE  L’ACEP ')).toBe("section locale 70 de l'acep");
  });

  it('drops invisible characters: zero-width, bidi marks and isolates, soft hyphen, BOM', () => {
    expect(normaliseText('con\u00adfi\u200bden\u200dtiels \u202aACEP\u202c \u2066x\u2069\u200e\ufeff')).toBe('confidentiels acep x');
  });

  it('composes accents so a decomposed é equals é', () => {
    expect(normaliseText('prive\u0301s')).toBe('privés');
  });

  it('stays sensitive to meaning: a dropped or changed word changes the text', () => {
    expect(normaliseText('ne pas envoyer')).not.toBe(normaliseText('pas envoyer'));
    expect(normaliseText('Veillez')).not.toBe(normaliseText('Veuillez'));
    expect(normaliseText('privés')).not.toBe(normaliseText('prives'));
  });

  it('is idempotent', () => {
    const text = fc.string({ unit: 'binary', maxLength: 60 });
    const mixed = fc.array(fc.constantFrom('A', 'é', 'e\u0301', ' ', '\u00a0', '\u202f', '\n', '\u200b', '\u00ad', '’', '«', 'İ', 'Σ', 'ß', '\u034f', '\u0307'), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(fc.property(fc.oneof(text, mixed), (s) => normaliseText(normaliseText(s)) === normaliseText(s)), { numRuns: 2000 });
    // 2 000 generated strings: about 1.5 s on an idle machine, over 5 s on a loaded one.
  }, 30_000);

  it('is idempotent on HTML bodies too', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => {
      const once = normaliseBody(s, 'html');
      return normaliseText(once) === once;
    }));
  });
});

describe('foldAccents', () => {
  it('removes accents only', () => {
    expect(foldAccents('élisez à ça')).toBe('elisez a ca');
  });
});
