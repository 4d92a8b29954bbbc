import type { SelectorChain } from '../lookup';

/**
 * Every selector Vigie uses on Gmail, with why, in the order they are tried: Gmail's stable
 * attributes and ARIA first, French and English labels next, obfuscated class names last.
 * Sources: /work/shared/research/platforms.md §2 ([V] captured 2020 compose DOM, gmail.js,
 * InboxSDK, markdown-here). Counted on every fixture by tests/e2e/webmail-adapters.test.mjs.
 */
export const GMAIL = {
  body: {
    why: 'the message body: Gmail marks its editor g_editable; the ARIA textbox is locale-agnostic',
    fallbacks: [
      'div[g_editable="true"][contenteditable="true"]',
      'div[role="textbox"][aria-multiline="true"][contenteditable="true"]',
      'div[aria-label^="Message Body"][contenteditable="true"], div[aria-label^="Corps du message"][contenteditable="true"]',
      'div.Am.editable[contenteditable="true"]',
    ],
  },
  composeFields: {
    why: "the compose form's named inputs (gmail.js, InboxSDK): one set per compose, inline replies included",
    fallbacks: ['input[name="composeid"]', 'input[name="subjectbox"], input[name="subject"]', 'form.bAs'],
  },
  composeRoot: {
    why: 'a compose container when the form is not found near the body: gmail.js roots, then the pop-up dialog, then the standalone window',
    fallbacks: ['div.M9, div.AD', '[role="dialog"]', '[role="main"]'],
  },
  subject: {
    why: 'the visible subject field; inline replies only carry the hidden "Re: …" input',
    fallbacks: ['input[name="subjectbox"]', 'input[name="subject"]', 'input[aria-label="Subject"], input[aria-label="Objet"]'],
  },
  from: {
    why: 'the selected send-as address (may be empty: then the account is the sender)',
    fallbacks: ['input[name="from"]'],
  },
  account: {
    why: 'the signed-in account when From is empty: the account button names the address (the page title is tried first)',
    fallbacks: ['a[aria-label*="@"]', '[role="button"][aria-label*="@"]'],
  },
  sendButtons: {
    why: 'controls of the compose toolbar: role=button with a label and tooltip (markdown-here), then InboxSDK\'s toolbar path',
    fallbacks: ['[role="button"][aria-label][data-tooltip]', '[role="button"]', '.IZ .Up div > div[role="button"]', 'div.T-I.aoO'],
  },
  control: {
    why: 'what a pressed node belongs to: buttons and the send-options menu items',
    fallbacks: ['[role="button"], button, [role="menuitem"]'],
  },
  scheduleItem: {
    why: "Schedule send in the ▾ menu: InboxSDK's selector attribute first, then any menu item by label",
    fallbacks: ['[selector="scheduledSend"]', '[role="menuitem"]'],
  },
  siteSignature: {
    why: "Gmail's own signature block in the body (seen in sent mail)",
    fallbacks: ['div.gmail_signature', '[data-smartmail="gmail_signature"]'],
  },
  quote: {
    why: 'where the quoted thread of a reply or forward starts',
    fallbacks: ['div.gmail_quote_container, div.gmail_quote, blockquote.gmail_quote', 'div.gmail_attr'],
  },
} as const satisfies Record<string, SelectorChain>;

/**
 * Label prefixes, French and English, compared after the bidi marks Gmail puts around its
 * shortcut hints are removed. Checked in this order: "Send & Archive" also starts with "Send".
 * [V] Send, More send options, Schedule send; [V-weak] Envoyer, Programmer l'envoi; [G] the rest.
 */
export const GMAIL_LABELS = {
  moreOptions: ['More send options', "Plus d'options d'envoi", "Autres options d'envoi", "Options d'envoi"],
  sendArchive: ['Send & Archive', 'Send and archive', 'Envoyer et archiver', 'Envoyer & archiver'],
  schedule: ['Schedule send', "Programmer l'envoi", "Planifier l'envoi"],
  send: ['Send', 'Envoyer'],
} as const;

/**
 * Gmail's own `selector=` attribute on its send controls, by kind: preferred to labels, as it does
 * not change with the language. [V] scheduledSend (InboxSDK); the others are not documented.
 */
export const GMAIL_SELECTOR_KINDS = {
  scheduledSend: 'schedule',
} as const;
