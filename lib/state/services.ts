import type { LogDatabase } from '../log/database';
import type { StorageAreas } from './storage';

/**
 * What the background's logic needs from the browser, passed in so tests can give WXT's
 * fakeBrowser and fake-indexeddb instead (lib/state/browser-services.ts builds the real one).
 */
export interface Services {
  areas: StorageAreas;
  db: LogDatabase;
  runtimeId: string;
  /** `runtime.getURL('')`. */
  extensionBase: string;
  uiLanguage: () => string;
  alarms: AlarmsApi;
  now: () => Date;
  /** Opens a tab (a prepared `mailto:` message); absent in tests that do not need it. */
  openTab?: (url: string) => Promise<void>;
  /** For the policy URL (lib/sync); the global `fetch` when absent, so tests can leave it out. */
  fetch?: typeof fetch;
}

export interface AlarmsApi {
  get(name: string): Promise<unknown>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): void | Promise<void>;
}
