import type { SelectorChain } from '../lookup';

/**
 * Every selector Vigie uses on the social networks' composers. Source:
 * /work/shared/research/platforms.md §7, which consulted none in depth: **everything here is
 * [G] guessed** (labels as the networks show them in French and English; the X `data-testid`s are
 * the ones third-party scripts commonly use, not checked here). The publish button is recognised
 * by its whole label inside the composer scope; the acting account by the chain below.
 */
export const FACEBOOK = {
  composer: { why: 'the "Create post" dialog of a Page or profile', fallbacks: ['[role="dialog"]', 'form[method="POST"]'] },
  account: {
    why: 'the name the composer header shows above the text ("posting as")',
    fallbacks: ['[data-ad-rendering-role="profile_name"]', 'h3 strong, h4 strong', '[role="dialog"] strong'],
  },
} as const satisfies Record<string, SelectorChain>;

export const INSTAGRAM = {
  composer: { why: 'the "Create new post" dialog', fallbacks: ['[role="dialog"]'] },
  account: { why: 'the username over the caption field', fallbacks: ['[role="dialog"] header a[href^="/"] span', '[role="dialog"] a[href^="/"]'] },
} as const satisfies Record<string, SelectorChain>;

export const X = {
  publish: { why: 'the Post button of the inline and the modal composer', fallbacks: ['[data-testid="tweetButton"], [data-testid="tweetButtonInline"]'] },
  account: { why: 'the side navigation account switcher, which shows the @handle', fallbacks: ['[data-testid="SideNav_AccountSwitcher_Button"]'] },
} as const satisfies Record<string, SelectorChain>;

export const YOUTUBE_STUDIO = {
  composer: { why: 'the upload/details dialog of Studio', fallbacks: ['ytcp-uploads-dialog', '[role="dialog"]'] },
  publish: { why: 'the dialog\'s final Publish/Save button', fallbacks: ['#done-button'] },
  account: { why: 'the channel name in Studio\'s navigation drawer', fallbacks: ['#entity-name', 'ytcp-navigation-drawer #channel-title'] },
} as const satisfies Record<string, SelectorChain>;
