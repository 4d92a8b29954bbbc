import { describe, expect, it } from 'vitest';
import { splitQuote } from '../../../lib/core/email/quote-split';
import { gmailReply, outlookReply } from './helpers';

describe('splitQuote, HTML', () => {
  it('Gmail: the gmail_quote container and everything after it is quoted', () => {
    const s = splitQuote(gmailReply('Merci Marie, à jeudi.', '<div>Bonjour, quand est la réunion?</div>'), 'html');
    expect(s.newContent).toBe('merci marie, à jeudi.');
    expect(s.hasQuote).toBe(true);
    expect(s.quoted()).toContain('a écrit : bonjour, quand est la réunion?');
  });

  it('Outlook: #appendonsend starts the quote, header block included', () => {
    const s = splitQuote(outlookReply('Thanks, see you Thursday.', '<p>When is the meeting?</p>'), 'html');
    expect(s.newContent).toBe('thanks, see you thursday.');
    expect(s.quoted()).toContain('from: cape local 70');
    expect(s.quoted()).toContain('when is the meeting?');
  });

  it('Outlook: #divRplyFwdMsg alone starts the quote too (x_ prefix of a received copy included)', () => {
    const html = '<p>Oui.</p><div id="x_divRplyFwdMsg"><b>De&nbsp;:</b> X<br><b>Envoyé&nbsp;:</b> lundi</div><p>Question?</p>';
    expect(splitQuote(html, 'html').newContent).toBe('oui.');
  });

  it('each HTML marker alone starts the quote, even with no attribution or blockquote after it', () => {
    for (const marker of ['<div class="gmail_quote">', '<div class="gmail_quote_container">', '<div id="appendonsend"></div><div>', '<div id="divRplyFwdMsg">', '<div class="moz-cite-prefix">', '<div class="yahoo_quoted">']) {
      const s = splitQuote(`<p>Nouveau</p>${marker}Ancien texte</div>`, 'html');
      expect(s.newContent, marker).toBe('nouveau');
      expect(s.quoted(), marker).toBe('ancien texte');
    }
  });

  it('a bare <blockquote> starts the quote', () => {
    expect(splitQuote('<p>Réponse</p><BLOCKQUOTE type="cite"><p>Question</p></BLOCKQUOTE>', 'html').newContent).toBe('réponse');
  });

  it('a desktop Outlook header block in the text ("De : … Envoyé : …") starts the quote', () => {
    const html = '<p class="MsoNormal">Voici.</p><div style="border-top:solid #E1E1E1 1pt"><p class="MsoNormal"><b>De&nbsp;:</b> Marie &lt;m@example.org&gt;<br><b>Envoyé&nbsp;:</b> 20 avril 2026 10:00<br><b>À&nbsp;:</b> SL 70</p></div><p>Ancien</p>';
    const s = splitQuote(html, 'html');
    expect(s.newContent).toBe('voici.');
    expect(s.quoted()).toContain('ancien');
  });

  it('an Apple Mail attribution in a div before the blockquote stays out of the new content', () => {
    const html = '<div>Réponse</div><div><br><div>On Apr 20, 2026, at 10:00, Sam &lt;s@example.org&gt; wrote:</div><br><blockquote type="cite">Q</blockquote></div>';
    expect(splitQuote(html, 'html').newContent).toBe('réponse');
  });

  it('"gmail_quote" written in the text or a stylesheet is not a marker', () => {
    const html = '<style>div.gmail_quote { color: grey }</style><p>Le mot gmail_quote dans une phrase.</p>';
    const s = splitQuote(html, 'html');
    expect(s.hasQuote).toBe(false);
    expect(s.newContent).toBe('le mot gmail_quote dans une phrase.');
  });

  it('a message without history has no quote', () => {
    const s = splitQuote('<p>Bonjour</p>', 'html');
    expect(s).toMatchObject({ newContent: 'bonjour', hasQuote: false });
    expect(s.quoted()).toBe('');
  });
});

describe('splitQuote, plain text', () => {
  it('lines starting with ">" are quoted, and their ">" is removed from the quoted text', () => {
    const s = splitQuote('Oui, merci.\n\n> Viens-tu\n>> à la réunion ?\n', 'text');
    expect(s.newContent).toBe('oui, merci.');
    expect(s.quoted()).toBe('viens-tu à la réunion ?');
  });

  it('a French attribution with NBSP before the colon', () => {
    const s = splitQuote('Oui.\nLe lun. 20 avr. 2026 à 10:00, Marie <m@example.org> a écrit\u00a0:\nQuestion sans chevron\n', 'text');
    expect(s.newContent).toBe('oui.');
  });

  it('an English attribution wrapped onto two lines', () => {
    const s = splitQuote('Yes.\n\nOn Mon, Apr 20, 2026 at 10:00 AM Sam Lee <\nsam@example.org> wrote:\n\n> Q\n', 'text');
    expect(s.newContent).toBe('yes.');
  });

  it('"-----Original Message-----" and "-----Message d’origine-----"', () => {
    expect(splitQuote('A\n-----Original Message-----\nFrom: x\n', 'text').newContent).toBe('a');
    expect(splitQuote('B\r\n-----Message d’origine-----\r\nDe : x\r\n', 'text').newContent).toBe('b');
  });

  it('"From: … Sent: …" and "De : … Envoyé : …" header blocks', () => {
    expect(splitQuote('A\n\nFrom: Sam <s@example.org>\nSent: Monday\nTo: X\n\nQ', 'text').newContent).toBe('a');
    expect(splitQuote('B\n\nDe : Sam\nEnvoyé : lundi\nÀ : X\n\nQ', 'text').newContent).toBe('b');
  });

  it('a meeting notice with "De :" and "Date :" lines is not a header block', () => {
    const s = splitQuote('Convocation\nDe : la Section locale 70\nDate : jeudi 30 avril\nLieu : salle 2-105\n\nAVIS', 'text');
    expect(s.hasQuote).toBe(false);
  });

  it('ordinary sentences that look a little like markers are new content', () => {
    const text = 'Le comité a écrit : nous refusons.\nOn Friday the office wrote:\nDe plus, la date : jeudi.\nFrom: the start, be clear.';
    const s = splitQuote(text, 'text');
    expect(s.hasQuote).toBe(false);
    expect(s.newContent).toContain('from: the start, be clear.');
  });
});

describe('quotedWindows', () => {
  it('yields the quoted text around each occurrence of the anchor, in detection form', () => {
    const filler = '<p>lorem ipsum</p>'.repeat(200);
    const s = splitQuote(gmailReply('Nouveau', `${filler}<p>Écrivez à <b>REPRESENTATION@acep-cape.ca</b> merci</p>${filler}`), 'html');
    const windows = [...s.quotedWindows('representation@acep-cape.ca', 30)];
    expect(windows).toHaveLength(1);
    expect(windows[0]).toContain('écrivez à representation@acep-cape.ca merci');
    expect(windows[0]!.length).toBeLessThan(100);
  });

  it('yields nothing when the anchor is absent, and nothing from the new content', () => {
    const s = splitQuote(gmailReply('representation@acep-cape.ca', '<p>rien</p>'), 'html');
    expect([...s.quotedWindows('representation@acep-cape.ca', 30)]).toEqual([]);
  });
});

describe('indented text is not a quote', () => {
  it('keeps a paragraph indented with the compose toolbar in the new content', () => {
    const html = '<div>Bonjour,</div><blockquote style="margin: 0 0 0 40px; border: none; padding: 0px;"><div>Ordre du jour</div></blockquote><div>Signature</div>';
    const split = splitQuote(html, 'html');
    expect(split.hasQuote).toBe(false);
    expect(split.newContent).toContain('ordre du jour');
    const reply = `${html}<blockquote type="cite">old</blockquote>`;
    expect(splitQuote(reply, 'html').hasQuote).toBe(true);
  });
});
