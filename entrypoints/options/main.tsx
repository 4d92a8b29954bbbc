import browser from 'webextension-polyfill';
import '../../lib/ui/pages.css';
import { t } from '../../lib/i18n';
import { sendToBackground } from '../../lib/messaging/client';
import { saveSettings } from '../../lib/state/settings';
import { mountPage } from '../../lib/ui/mount';
import type { LogReader } from '../../lib/ui/log-section';
import { LOG_TABLE_ROWS } from '../../lib/ui/log-view';
import { openLogDatabase } from '../../lib/log/database';
import { countEvents, eventChunks, pageEvents } from '../../lib/log/log-pages';
import { App, type OptionsActions } from './App';

// The log is read here, straight from its IndexedDB (this page shares the worker's origin): a
// page of 200 rows and an index count, never 100 000 events copied through a message.
const db = openLogDatabase();
const logReader: LogReader = {
  count: (query) => countEvents(db, query),
  page: (query, offset, limit) => pageEvents(db, query, offset, limit),
  chunks: (query, size) => eventChunks(db, query, size),
};
// The log's first page and count are read while the background prepares the page's state.
// The count walks the whole index and IndexedDB answers one request at a time: it goes second.
const firstRows = logReader.page({}, 0, LOG_TABLE_ROWS);
const first = { rows: firstRows, count: firstRows.then(() => logReader.count({})) };

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
      first,
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
  // The log comes from IndexedDB straight, above: the worker need not read it too (its read would
  // wait behind this page's count of the whole log).
  { recent: false },
);
