import { defineConfig } from 'wxt';
import { ALL_PLATFORM_MATCHES } from './lib/platforms/hosts';
import { narrowSitePackPerContentScript } from './scripts/site-pack-parts';

// Public half of the key that fixes the Chrome/Edge extension id to
// gecbemddfpgfbahoapnkaegnbckmpgjc, so IT can force-install it and push managed configuration.
const CHROME_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAp3bK7Unk4+UEMOKibaYiyaONAwXQ8E2eCunt5X+wN1OBo59RdxyEmrfyR5LktlWta6QG0QZSQjHiSmKPnL1/N/JFIN3eOoF1Y2G97aotly4IaHvyz8+B0Hmjt8KIgmYIOY36huS+hpjeooFcePcS7f1ps+VMBhkRECpBPVhBddOKohQH0U3sOmRzEtvZzrLmIKvR9KwA49940wp3zWUaq0GXJ2SvkNhFOOEKiUbYTBQnnzFh8PVB4B2mw0f3gXP2mhHylWWi2/YtE1gmM6fKVSU7N1p0Yx5t11wmL8ykAVyW6got3s7woomyWwcAK4apfCnCrVho3xlT6sE1aOPiQQIDAQAB';

export default defineConfig({
  // Auto-imports off: `browser` must never leak into lib/core (STYLE.md habit 1).
  imports: false,
  // Each content script bundles only its own platforms' part of the site pack (lib/packs/site-parts.ts).
  hooks: { 'vite:build:extendConfig': narrowSitePackPerContentScript },
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // scripting: the content script of a self-hosted platform (Nextcloud) is registered at run time.
    permissions: ['storage', 'downloads', 'alarms', 'scripting'],
    host_permissions: ALL_PLATFORM_MATCHES,
    // Nothing granted at install: the options page asks for the policy's own self-hosted hosts only
    // (https://nuage.example.org/*), one prompt the person accepts (lib/ui/host-access.tsx).
    optional_host_permissions: ['https://*/*'],
    storage: { managed_schema: 'managed-schema.json' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'vigie@vigie-extension.org',
              strict_min_version: '140.0',
              // 140: the first ESR that knows data_collection_permissions. Vigie sends nothing anywhere:
              // its log stays in the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { key: CHROME_PUBLIC_KEY }),
  }),
});
