import browser from 'webextension-polyfill';
import { openLogDatabase } from '../log/database';
import type { Services } from './services';

/** The real browser behind Services; the one place the background's logic meets `browser`. */
export function browserServices(): Services {
  return {
    areas: { local: browser.storage.local, session: browser.storage.session, managed: browser.storage.managed },
    db: openLogDatabase(),
    runtimeId: browser.runtime.id,
    extensionBase: browser.runtime.getURL(''),
    uiLanguage: () => browser.i18n.getUILanguage(),
    alarms: browser.alarms,
    now: () => new Date(),
    fetch: globalThis.fetch.bind(globalThis),
    // A new tab hands the mailto: link to the person's mail program (or their webmail's handler).
    openTab: async (url) => void (await browser.tabs.create({ url })),
  };
}
