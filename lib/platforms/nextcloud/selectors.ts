import type { SelectorChain } from '../lookup';

/**
 * Every selector Vigie uses in Nextcloud's Files app (self-hosted: the host is the policy's).
 * Sources: /work/shared/research/platforms.md §6 ([V] public links are created by the web UI with
 * POST …/files_sharing/api/v1/shares, shareType=3; [G] the sharing sidebar's markup: the "Share
 * link" entry's "+" button labelled "Create a new share link", its `new-share-link` class, and every
 * French label: no source shows them). Labels are matched in lib/platforms/nextcloud/adapter.ts.
 */
export const NEXTCLOUD = {
  createShareLink: {
    // Not "any button of the link entry": an existing link's entry also holds its Copy and menu buttons.
    why: 'the "+" of the sharing sidebar\'s "Share link" entry: by its label first, then by the class the fixtures guess',
    fallbacks: ['button[aria-label], [role="button"][aria-label], button[title]', 'button.new-share-link'],
  },
} as const satisfies Record<string, SelectorChain>;

/** The create-link control's label, French and English (whole label, normalised), [G]. */
export const CREATE_LINK_LABELS = ['create a new share link', 'créer un nouveau lien de partage', 'create public link', 'créer un lien public'] as const;
