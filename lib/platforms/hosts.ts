/**
 * The sites Vigie's adapters know how to guard, as manifest match patterns.
 * Host permissions and content-script matches are built from this one list so the manifest never
 * asks for more than the adapters use. Which of these a given organisation guards is policy data.
 */
export const PLATFORM_MATCHES = {
  actionNetwork: ['https://actionnetwork.org/*', 'https://*.actionnetwork.org/*'],
  actionBuilder: ['https://*.actionbuilder.org/*'],
  gmail: ['https://mail.google.com/*'],
  outlook: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
  ],
  nationbuilder: ['https://*.nationbuilder.com/*'],
  social: [
    'https://www.facebook.com/*',
    'https://business.facebook.com/*',
    'https://www.instagram.com/*',
    'https://x.com/*',
    'https://twitter.com/*',
    'https://studio.youtube.com/*',
  ],
} as const satisfies Record<string, readonly string[]>;

export const ALL_PLATFORM_MATCHES: string[] = Object.values(PLATFORM_MATCHES).flat();
