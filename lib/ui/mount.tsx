import type { VNode } from 'preact';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { langOf, type Lang } from '../core/text';
import { t } from '../i18n';
import { sendToBackground } from '../messaging/client';
import type { VigieState } from '../state/snapshot';

/**
 * Asks the background for the state once and renders the page with it; `refresh` asks again
 * after an action changed something. If the background does not answer, says so. `recent: false`
 * for a page that reads the log itself.
 */
export async function mountPage(
  root: HTMLElement,
  page: (state: VigieState, refresh: () => Promise<void>) => VNode,
  title: (lang: Lang) => string,
  { recent = true }: { recent?: boolean } = {},
): Promise<void> {
  const refresh = async (): Promise<void> => {
    const state = await loadState(recent);
    const lang = state?.lang ?? langOf(browser.i18n.getUILanguage());
    document.documentElement.lang = lang;
    document.title = title(lang);
    render(state ? page(state, refresh) : <p role="alert">{t(lang, 'notResponding')}</p>, root);
  };
  // First paint at once, in the browser's language, while the background answers.
  render(<p aria-busy="true">{t(langOf(browser.i18n.getUILanguage()), 'loading')}</p>, root);
  await refresh();
}

async function loadState(recent: boolean): Promise<VigieState | undefined> {
  try {
    const reply = await sendToBackground(recent ? { type: 'get-state' } : { type: 'get-state', recent: false });
    return reply.ok ? reply.state : undefined;
  } catch {
    return undefined;
  }
}
