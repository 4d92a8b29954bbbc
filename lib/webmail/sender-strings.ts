import type { Bilingual } from '../core/lang';

/** The question asked when the page does not show the sending account (lib/webmail/sender-question.ts). */
export const SENDER_STRINGS = {
  title: { fr: 'Ce message part-il d’un compte de section locale ?', en: 'Is this message sent from a local-section account?' },
  cannotSee: {
    fr: 'Vigie ne voit pas de quel compte part ce message. Les comptes de votre section locale\u00a0: {accounts}.',
    en: 'Vigie cannot see which account this message is sent from. Your local section’s accounts: {accounts}.',
  },
  yes: { fr: 'Oui, un compte de section locale', en: 'Yes, a local-section account' },
  no: { fr: 'Non, un compte personnel', en: 'No, a personal account' },
  remembered: {
    fr: 'Votre réponse est retenue pour cette boîte de courriel, dans ce navigateur. Vous pouvez la changer dans la fenêtre de Vigie.',
    en: 'Your answer is remembered for this mailbox, in this browser. You can change it in Vigie’s window.',
  },
} as const satisfies Record<string, Bilingual>;
