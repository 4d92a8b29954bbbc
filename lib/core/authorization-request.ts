import type { Grant } from './grant';
import { LANGS, type Bilingual, type Lang } from './lang';
import type { Policy, Surface } from './policy';

/** What an authorization request says: who asks, where, for what; never anything read from member data. */
export interface AuthorizationRequestInput {
  policy: Policy;
  platform: string;
  surface: Surface;
  /** The page's title, as the page set it: scrubbed here of addresses and numbers, and cut short. */
  pageTitle: string;
  purpose: string;
  lang: Lang;
  grant?: Grant;
  now: Date;
  /** The authority the policy names for the clause (lib/guard/decision-dialog `authorityFor`). */
  to: { authority: Bilingual; email: string };
  clauses: readonly string[];
}

export interface PreparedMessage {
  to: string;
  subject: string;
  body: string;
  href: string;
}

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/gi;
const DIGITS = /[+(]?\d[\d\s().-]{5,}\d/g;
const TITLE_MAX = 80;

/** A page title safe to quote: no address, no long number (a phone, a member number), at most 80 characters. */
export function scrubTitle(title: string): string {
  const clean = title.replace(EMAIL, '…').replace(DIGITS, '…').replace(/\s+/g, ' ').trim();
  return clean.length > TITLE_MAX ? `${clean.slice(0, TITLE_MAX - 1)}…` : clean;
}

const WORDS = {
  subject: { fr: 'Demande d’autorisation écrite — {platform}, {action}', en: 'Request for a written authorization — {platform}, {action}' },
  hello: { fr: 'Bonjour,', en: 'Hello,' },
  intro: {
    fr: 'Je demande une autorisation écrite pour l’action suivante, que Vigie a bloquée ({clauses}).',
    en: 'I am asking for a written authorization for the following action, which Vigie blocked ({clauses}).',
  },
  platform: { fr: 'Plateforme\u00a0: {value}', en: 'Platform: {value}' },
  page: { fr: 'Page\u00a0: {value}', en: 'Page: {value}' },
  action: { fr: 'Action\u00a0: {value}', en: 'Action: {value}' },
  purpose: { fr: 'À quoi elle servira\u00a0: {value}', en: 'What it is for: {value}' },
  who: { fr: 'Demandée par\u00a0: {value}', en: 'Requested by: {value}' },
  when: { fr: 'Date\u00a0: {value}', en: 'Date: {value}' },
  closing: {
    fr: 'Si vous l’accordez, merci de me faire parvenir une autorisation d’accès mise à jour que je pourrai importer dans Vigie.',
    en: 'If you grant it, please send me an updated access authorization that I can import into Vigie.',
  },
} as const;

const ACTIONS: Record<Surface, Bilingual> = {
  download: { fr: 'téléchargement', en: 'download' },
  'export-click': { fr: 'exportation', en: 'export' },
  copy: { fr: 'copie', en: 'copy' },
  print: { fr: 'impression', en: 'print' },
  send: { fr: 'envoi de courriel', en: 'email send' },
  share: { fr: 'lien de partage public', en: 'public share link' },
  publish: { fr: 'publication', en: 'publication' },
};

/**
 * The message to the authority, in the person's language first and then the other, as a
 * `mailto:` link the person reviews and sends from their own mail program.
 */
export function authorizationRequest(input: AuthorizationRequestInput): PreparedMessage {
  const order: Lang[] = [input.lang, ...LANGS.filter((l) => l !== input.lang)];
  const platform = input.policy.platforms.find((p) => p.id === input.platform);
  const w = (lang: Lang, key: keyof typeof WORDS, values: Record<string, string> = {}) =>
    WORDS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
  const subject = w(input.lang, 'subject', { platform: platform?.name[input.lang] ?? input.platform, action: ACTIONS[input.surface][input.lang] });
  const body = order
    .map((lang) => {
      // The person's name only: the message leaves from their own mail account, which says the rest.
      const holder = input.grant?.holder.name ?? '—';
      return [
        w(lang, 'hello'),
        '',
        w(lang, 'intro', { clauses: input.clauses.join(', ') }),
        '',
        w(lang, 'platform', { value: platform?.name[lang] ?? input.platform }),
        w(lang, 'page', { value: scrubTitle(input.pageTitle) || '—' }),
        w(lang, 'action', { value: ACTIONS[input.surface][lang] }),
        w(lang, 'purpose', { value: input.purpose.trim() }),
        w(lang, 'who', { value: holder }),
        w(lang, 'when', { value: input.now.toISOString().slice(0, 10) }),
        '',
        w(lang, 'closing'),
      ].join('\n');
    })
    .join('\n\n— — —\n\n');
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  return { to: input.to.email, subject, body, href: `mailto:${input.to.email}?subject=${encode(subject)}&body=${encode(body)}` };
}
