import type { VNode } from 'preact';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { langOf, type Lang } from '../core/text';
import { t } from '../i18n';
import { sendToBackground } from '../messaging/client';
import type { ReplyTo } from '../messaging/protocol';
import type { VigieState } from '../state/snapshot';

const ask = (logPage?: number) => sendToBackground(logPage ? { type: 'get-state', logPage } : { type: 'get-state' });

/**
 * Asks the background for the state once and renders the page with it; `refresh` asks again
 * after an action changed something. If the background does not answer, says so. `logPage`: the
 * state comes with the log's first page of that many rows; `firstState`: the answer to that same
 * request, sent before the page's code ran (options-start.ts).
 */
export async function mountPage(
  root: HTMLElement,
  page: (state: VigieState, refresh: () => Promise<void>) => VNode,
  title: (lang: Lang) => string,
  { logPage, firstState }: { logPage?: number; firstState?: Promise<StateReply> } = {},
): Promise<void> {
  let early = firstState;
  let firstPage = logPage;
  const refresh = async (): Promise<void> => {
    // The first time, the answer to a request the page sent before its code ran, if it did; the
    // log's first page only then (the page reads the log itself afterwards).
    const state = await loadState(firstPage, early);
    early = undefined;
    firstPage = undefined;
    const lang = state?.lang ?? langOf(browser.i18n.getUILanguage());
    document.documentElement.lang = lang;
    document.title = title(lang);
    render(state ? page(state, refresh) : <p role="alert">{t(lang, 'notResponding')}</p>, root);
  };
  // First paint at once, in the browser's language, while the background answers.
  render(<p aria-busy="true">{t(langOf(browser.i18n.getUILanguage()), 'loading')}</p>, root);
  await refresh();
}

type StateReply = ReplyTo<{ type: 'get-state' }>;

async function loadState(logPage: number | undefined, early?: Promise<StateReply>): Promise<VigieState | undefined> {
  try {
    const reply = await (early?.catch(() => ask(logPage)) ?? ask(logPage));
    return reply.ok ? reply.state : undefined;
  } catch {
    return undefined;
  }
}
