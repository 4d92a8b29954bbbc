import type { EmailPolicy, FindingId } from '../policy';
import type { Text } from '../text';
import type { Section } from './types';

/**
 * What each finding tells the sender, in plain words: what is wrong, then what to do. Policy
 * content (the notice's heading, the national office's name, an example phrase) is filled in, so
 * another organisation's pack reads right without code changes.
 */
export function findingMessage(rule: FindingId, policy: EmailPolicy, section: Section | undefined, terms: readonly string[] = []): Text {
  const h = policy.notice.heading;
  switch (rule) {
    case 'notice-missing':
      return {
        fr: `Il manque l’avis obligatoire (« ${h.fr} ») dans votre message. Ajoutez-le en entier dans votre bloc-signature, au-dessus de tout message cité\u00a0: le bloc-signature de Vigie le contient déjà.`,
        en: `Your message is missing the required notice (“${h.en}”). Add it in full to your signature block, above any quoted message: Vigie's signature block already contains it.`,
      };
    case 'notice-altered':
      return {
        fr: `L’avis (« ${h.fr} ») de votre message est incomplet ou modifié\u00a0: un mot a été changé, retiré ou coupé. Remplacez-le par le texte officiel, mot pour mot et sans le corriger, par exemple en insérant le bloc-signature de Vigie.`,
        en: `The notice (“${h.en}”) in your message is incomplete or changed: a word was altered, removed or cut off. Replace it with the official text, word for word and without correcting it, for example by inserting Vigie's signature block.`,
      };
    case 'notice-only-in-quote':
      return {
        fr: `L’avis (« ${h.fr} ») ne figure que dans le message cité plus bas, pas dans votre propre texte. Ajoutez-le à votre bloc-signature, au-dessus du message cité.`,
        en: `The notice (“${h.en}”) appears only in the quoted message below, not in your own text. Add it to your signature block, above the quoted message.`,
      };
    case 'local-id-missing': {
      const office = policy.contacts.nationalOffice.name;
      const example = (placeholder: string) => policy.localIdentification.patterns[0]!.replaceAll('{number}', section?.number ?? placeholder);
      return {
        fr: `Le début du message (l’objet ou les premières lignes) ne dit pas qu’il vient de votre section locale. Indiquez-le dès le début, par exemple « ${example('[numéro]')} », pour éviter toute confusion avec les messages de l’échelon national (${office.fr}).`,
        en: `The start of the message (the subject or the first lines) does not say that it comes from your local. Say so at the very start, for example “${example('[number]')}”, so that it is not mistaken for a message from the national level (${office.en}).`,
      };
    }
    case 'campaign-term':
      return {
        fr: `Ce message contient des mots de campagne électorale (${terms.map((t) => `« ${t} »`).join(', ')}). Les ressources syndicales (comptes de courriel, outils, listes de membres) ne peuvent pas servir à faire campagne pour ou contre une candidature\u00a0: retirez ces passages. S’il ne s’agit pas d’une élection (par exemple un vote de grève), vous pouvez confirmer l’envoi.`,
        en: `This message contains election campaign wording (${terms.map((t) => `“${t}”`).join(', ')}). Union resources (email accounts, tools, member lists) cannot be used to campaign for or against a candidate: remove these passages. If this is not about an election (for example a strike vote), you can confirm sending.`,
      };
  }
}
