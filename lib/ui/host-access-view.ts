import type { Policy } from '../core/policy';
import type { Lang } from '../core/text';
import { runtimePlatforms } from '../platforms/runtime-hosts';

export interface HostAccessLine {
  /** The permission the button asks for, `https://<host>/*`. */
  origin: string;
  host: string;
  granted: boolean;
  button: string;
  status: string;
}

export interface HostAccessView {
  heading: string;
  intro: string;
  lines: HostAccessLine[];
}

const TEXT = {
  heading: { fr: 'Plateformes hébergées par l’organisation', en: 'Platforms your organisation hosts' },
  intro: {
    fr: 'Votre politique protège des plateformes hébergées sur les serveurs de l’organisation. Vigie n’y a accès que si vous l’autorisez, hôte par hôte.',
    en: 'Your policy guards platforms hosted on your organisation’s own servers. Vigie can act there only if you allow it, host by host.',
  },
  button: { fr: 'Activer Vigie sur {host}', en: 'Enable Vigie on {host}' },
  granted: { fr: 'Vigie est actif sur {host}.', en: 'Vigie is active on {host}.' },
  missing: { fr: '{platform} : les liens publics ne sont pas vérifiés tant que Vigie n’est pas activé sur {host}.', en: '{platform}: public links are not checked until Vigie is enabled on {host}.' },
} as const;

/**
 * The options page's section for the policy's self-hosted platforms (a Nextcloud on the
 * organisation's domain): one line per host the manifest does not cover, with a button asking the
 * browser for that host alone. `undefined` when the policy has none.
 */
export function hostAccessView(policy: Policy, granted: readonly string[], lang: Lang): HostAccessView | undefined {
  const lines = runtimePlatforms(policy).flatMap((platform) =>
    platform.origins.map((origin): HostAccessLine => {
      const host = origin.slice('https://'.length, -'/*'.length);
      const fill = (s: string) => s.replaceAll('{host}', host).replaceAll('{platform}', platform.name[lang]);
      const isGranted = granted.includes(origin);
      return { origin, host, granted: isGranted, button: fill(TEXT.button[lang]), status: fill((isGranted ? TEXT.granted : TEXT.missing)[lang]) };
    }),
  );
  return lines.length > 0 ? { heading: TEXT.heading[lang], intro: TEXT.intro[lang], lines } : undefined;
}
