import browser from 'webextension-polyfill';
import '../../lib/ui/pages.css';
import { t } from '../../lib/i18n';
import { sendToBackground } from '../../lib/messaging/client';
import { saveSettings } from '../../lib/state/settings';
import { mountPage } from '../../lib/ui/mount';
import type { LogActions, LogReader } from '../../lib/ui/log-section';
import { countEvents, eventChunks, pageEvents, type LogRow } from '../../lib/log/log-pages';
import { OPTIONS_STATE_REQUEST, takeOptionsState } from '../../lib/ui/options-start';
import { App, type OptionsActions } from './App';

// The log is read here, straight from its IndexedDB (this page shares the worker's origin): a
// page of 200 rows and an index count, never 100 000 events copied through a message. Dexie is a
// chunk of its own, fetched as the page starts but not evaluated before it: the first page comes
// with the state, and 98 KB of script less before the first render is worth a frame or two.
const db = import('../../lib/log/database').then(({ openLogDatabase }) => openLogDatabase());
const logReader: LogReader = {
  count: async (query) => countEvents(await db, query),
  page: async (query, offset, limit) => pageEvents(await db, query, offset, limit),
  chunks: async function* (query, size) {
    yield* eventChunks(await db, query, size);
  },
};
// The log's first page comes with the page's state, asked for before this code was evaluated
// (entrypoints/options-start.ts); the whole log's count is asked once that page is painted.
let first: LogActions['first'];
let started = false;
const firstPage = (rows: LogRow[] | undefined): LogActions['first'] => {
  if (started) return first;
  started = true;
  return (first = rows && { rows, count: () => logReader.count({}) });
};

void mountPage(
  document.getElementById('app')!,
  (state, refresh) => {
    const actions: OptionsActions = {
      importGrant: (token) => sendToBackground({ type: 'import-grant', token }),
      removeGrant: async () => void (await sendToBackground({ type: 'remove-grant' })),
      setLanguage: async (language) => void (await saveSettings(browser.storage.local, { language })),
      syncNow: async () => {
        await sendToBackground({ type: 'sync-now' });
        await refresh();
      },
      log: logReader,
      first: firstPage(state.logPage),
      saveCsv: async (parts, filename) => {
        // A link download from this page: its address is the extension's own, never a guarded
        // platform's, so the downloads guard lets it through. (`downloads.download` would lose the
        // file name in Chrome while an `onDeterminingFilename` listener exists.) The byte-order
        // mark makes spreadsheet programs read the file as UTF-8.
        const url = URL.createObjectURL(new Blob(['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' }));
        const link = Object.assign(document.createElement('a'), { href: url, download: filename });
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
      refresh,
    };
    return <App state={state} actions={actions} />;
  },
  (lang) => t(lang, 'optionsTitle'),
  { logPage: OPTIONS_STATE_REQUEST.logPage, firstState: takeOptionsState() },
);
