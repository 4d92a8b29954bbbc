import type { SelectorChain } from '../lookup';

/**
 * Every selector Vigie uses on Outlook on the web, with why, in the order they are tried.
 * Outlook's class names are hashed and change every few months (evicypher-webmail changed its
 * selectors six times in fifteen months), so none is used here: roles, ARIA labels (French and
 * English), ids Outlook writes into the message itself, and Fluent UI's public class names last.
 * Sources: /work/shared/research/platforms.md §3. Counted on every fixture by
 * tests/e2e/webmail-adapters.test.mjs.
 */
export const OUTLOOK = {
  body: {
    why: 'the message body: the editor labelled "Message body…"/"Corps du message…" whatever its role [V]; its #editorParent_1 wrapper [V]; any multi-line textbox last (recipient wells excluded: see recipientWells)',
    fallbacks: [
      'div[contenteditable="true"][aria-label^="Message body"], div[contenteditable="true"][aria-label^="Corps du message"]',
      '#editorParent_1 [contenteditable="true"]',
      'div[role="textbox"][contenteditable="true"][aria-multiline="true"]',
    ],
  },
  recipientWells: {
    why: 'To/Cc/Bcc wells and the subject: editable too (the 2021 To well is a multi-line textbox [V]), never a body',
    fallbacks: [
      '[aria-label="To"], [aria-label="Cc"], [aria-label="Bcc"], [aria-label="À"], [aria-label="Cci"], [aria-label="Add a subject"], [aria-label="Ajouter un objet"]',
      '[aria-label^="To,"], [aria-label^="Cc,"], [aria-label^="Bcc,"], [aria-label^="À,"], [aria-label^="Cci,"]',
    ],
  },
  composeFields: {
    why: 'fields only a compose has, to know one is open even if its body is not found: subject, then the To well',
    fallbacks: [
      'input[aria-label="Add a subject"], input[aria-label="Ajouter un objet"]',
      'input[placeholder="Add a subject"], input[placeholder="Ajouter un objet"], input[id$="_SUBJECT"]',
      '[role="textbox"][aria-label="To"], [role="combobox"][aria-label="To"], [role="textbox"][aria-label="À"], [role="combobox"][aria-label="À"]',
    ],
  },
  composeScope: {
    why: 'containers a compose lives in, to look for its body and Send control from a marker',
    fallbacks: ['[role="dialog"]', '#ReadingPaneContainerId', '[role="main"]'],
  },
  subject: {
    why: 'the subject field (inline replies may hide it) [V]',
    fallbacks: [
      'input[aria-label="Add a subject"], input[aria-label="Ajouter un objet"]',
      'input[placeholder="Add a subject"], input[placeholder="Ajouter un objet"]',
      'input[id$="_SUBJECT"]',
    ],
  },
  from: {
    why: 'the From control, when "Show From" is on: its label or text holds the address [G]',
    fallbacks: ['button[aria-label^="From"], [role="button"][aria-label^="From"]', 'button[aria-label^="De "], button[aria-label^="De:"], button[aria-label^="De :"]'],
  },
  account: {
    why: "the signed-in account when From is hidden: the suite header's account button names the address [G]",
    fallbacks: ['#O365_MainLink_Me', '[role="banner"] button[aria-label*="@"]', 'button[aria-label*="@"]'],
  },
  signedIn: {
    why: "what the page says about the signed-in mailbox, read only: the suite header's app link carries login_hint=<address> [V-weak: one public extension reads it], the account menu's address line [V: public scripts, once the menu has rendered]",
    fallbacks: ['a#O365_AppName[href*="login_hint="]', '#mectrl_currentAccount_secondary'],
  },
    sendButtons: {
    why: 'Send: exact ARIA label [V], then its title "Send (Ctrl+Enter)" [V fr, G en], then any button by label, then Fluent\'s primary button',
    fallbacks: [
      'button[aria-label="Send"], button[aria-label="Envoyer"]',
      'button[title^="Send"], button[title^="Envoyer"]',
      'button, [role="button"]',
      'button.ms-Button--primary',
    ],
  },
  control: {
    why: 'what a pressed node belongs to: buttons and menu items',
    fallbacks: ['button, [role="button"], [role="menuitem"]'],
  },
  scheduleItem: {
    why: 'Schedule send in the send-options menu [G]',
    fallbacks: ['[role="menuitem"]', '[role="menu"] button'],
  },
  siteSignature: {
    why: "Outlook's own signature block in the body [V-weak]",
    fallbacks: ['div#Signature, div[id^="Signature_"]', 'div[id^="Signature"]', 'div.ms-outlook-signature'],
  },
  quote: {
    why: 'where the quoted message of a reply or forward starts: Outlook writes these ids into the message [V]',
    fallbacks: ['div#appendonsend', 'div#divRplyFwdMsg'],
  },
} as const satisfies Record<string, SelectorChain>;

/**
 * Label prefixes, French and English, in the order they are checked ("Send options" also starts
 * with "Send"). [V] Send, Envoyer; [G] the send-options menu and Schedule send wording.
 */
export const OUTLOOK_LABELS = {
  moreOptions: ['More send options', 'Send options', "Plus d'options d'envoi", "Autres options d'envoi", "Options d'envoi"],
  schedule: ['Schedule send', "Planifier l'envoi", "Programmer l'envoi"],
  send: ['Send', 'Envoyer'],
} as const;

/**
 * Paths under which Outlook names a mailbox by its address: a shared or delegated mailbox opened
 * as https://outlook.office.com/mail/<address>/… (the usual way a local-section mailbox is opened). [V: Microsoft's
 * "open a shared mailbox" help gives this URL form]
 */
export const OUTLOOK_MAILBOX_PATHS = ['/mail/'] as const;

/** URL parameters of a signedIn link that carry the signed-in address (Microsoft's sign-in hint). [V-weak] */
export const OUTLOOK_ADDRESS_PARAMS = ['login_hint'] as const;
