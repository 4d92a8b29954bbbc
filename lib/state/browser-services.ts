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
  };
}
