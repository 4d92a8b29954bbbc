import { describe, expect, it } from 'vitest';
import { emailIn, kindOfLabel, normaliseLabel, startsWithWord } from '../../../lib/platforms/lookup';
import { labelList } from '../../../lib/platforms/site-lookups';

/** The send kinds' label lists from the bundled site pack, in the order the adapters check them. */
const GMAIL_LABELS = { moreOptions: labelList('gmail', 'moreOptions'), sendArchive: labelList('gmail', 'sendArchive'), schedule: labelList('gmail', 'schedule'), send: labelList('gmail', 'send') };
const OUTLOOK_LABELS = { moreOptions: labelList('outlook', 'moreOptions'), schedule: labelList('outlook', 'schedule'), send: labelList('outlook', 'send') };

describe('labels as the adapters compare them', () => {
  it('drops the bidi marks Gmail wraps around its shortcut hint, and NBSPs', () => {
    expect(normaliseLabel('Send \u202A(Ctrl-Enter)\u202C')).toBe('Send (Ctrl-Enter)');
    expect(normaliseLabel('Envoyer\u00A0\u2066(Ctrl+Entrée)\u2069')).toBe('Envoyer (Ctrl+Entrée)');
    expect(normaliseLabel('Programmer l’envoi')).toBe("Programmer l'envoi");
  });

  it('matches whole-word prefixes only, ignoring case', () => {
    expect(startsWithWord('Send (Ctrl-Enter)', ['Send'])).toBe(true);
    expect(startsWithWord('send', ['Send'])).toBe(true);
    expect(startsWithWord('Sender', ['Send'])).toBe(false);
    expect(startsWithWord('Envoyer', ['Send'])).toBe(false);
  });

  it.each([
    ['Send \u202A(Ctrl-Enter)\u202C', 'send'],
    ['Envoyer \u202A(Ctrl+Entrée)\u202C', 'send'],
    ['Send (⌘Enter)', 'send'],
    ['Send and archive', 'sendArchive'],
    ['Envoyer et archiver', 'sendArchive'],
    ['More send options', 'moreOptions'],
    ["Plus d'options d'envoi", 'moreOptions'],
    ['Schedule send', 'schedule'],
    ['Programmer l’envoi', 'schedule'],
    ['Insert signature', undefined],
    ['Sender', undefined],
  ])('Gmail: "%s" is %s', (label, kind) => {
    expect(kindOfLabel(normaliseLabel(label), GMAIL_LABELS)).toBe(kind);
  });

  it.each([
    ['Send', 'send'],
    ['Envoyer', 'send'],
    ['Send (Ctrl+Enter)', 'send'],
    ['More send options', 'moreOptions'],
    ['Send options', 'moreOptions'],
    ["Autres options d'envoi", 'moreOptions'],
    ["Planifier l'envoi", 'schedule'],
    ['Discard', undefined],
  ])('Outlook: "%s" is %s', (label, kind) => {
    expect(kindOfLabel(normaliseLabel(label), OUTLOOK_LABELS)).toBe(kind);
  });

  it('reads the address out of a title or an account label', () => {
    expect(emailIn('Inbox (2) - SL70@acep-cape.ca - Gmail')).toBe('sl70@acep-cape.ca');
    expect(emailIn('Compte Google : Section locale 70 (sl70@acep-cape.ca)')).toBe('sl70@acep-cape.ca');
    expect(emailIn('Mail - Section locale 70 - Outlook')).toBeUndefined();
  });
});
