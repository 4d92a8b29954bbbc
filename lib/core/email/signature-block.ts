import type { EmailPolicy, Policy } from '../policy';
import type { Lang } from '../text';
import type { Section } from './types';

export interface SignatureBlock {
  /** HTML whose outer element carries `data-vigie-signature="1"`, so the extension can find it again. */
  html: string;
  text: string;
}

/**
 * The signature block clause 9.2 asks for: the local's name, then the notice's heading and text in
 * the policy's `signatureLanguage` (bilingual: French first). Everything is escaped as text.
 * Without a section (an account the policy's patterns cover, no grant held) the name line is left out.
 */
export function signatureBlock(policy: EmailPolicy, section?: Section): SignatureBlock {
  const { heading, text, signatureLanguage } = policy.notice;
  const langs: Lang[] = signatureLanguage === 'bilingual' ? ['fr', 'en'] : [signatureLanguage];
  const names = section ? [...new Set(langs.map((lang) => sectionLabel(policy, section, lang)))] : [];
  const notices = langs.map((lang) => ({ heading: heading[lang], text: text[lang] }));
  const html = [
    ...(names.length ? [`<p>${names.map(escapeHtml).join('<br>')}</p>`] : []),
    ...notices.map((n) => `<p><strong>${escapeHtml(n.heading)}</strong><br>${escapeHtml(n.text)}</p>`),
  ].join('');
  return {
    html: `<div data-vigie-signature="1">${html}</div>`,
    text: [...(names.length ? [names.join('\n')] : []), ...notices.map((n) => `${n.heading}\n${n.text}`)].join('\n\n'),
  };
}

/** The section's name in a language, or the policy's first identification pattern with its number. */
export function sectionLabel(policy: Policy, section: Section, lang: Lang): string {
  return section.name?.[lang] ?? policy.localIdentification?.patterns[0]?.replaceAll('{number}', section.number) ?? section.number;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
