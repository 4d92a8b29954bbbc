import browser from 'webextension-polyfill';
import '../../lib/ui/pages.css';
import { t } from '../../lib/i18n';
import { sendToBackground } from '../../lib/messaging/client';
import { saveSettings } from '../../lib/state/settings';
import { mountPage } from '../../lib/ui/mount';
import { App, type OptionsActions } from './App';

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
      queryLog: async (query) => {
        const reply = await sendToBackground({ type: 'query-log', query });
        return reply.ok ? reply.log : undefined;
      },
      saveCsv: async (csv, filename) => {
        // A link download from this page: its address is the extension's own, never a guarded
        // platform's, so the downloads guard lets it through. (`downloads.download` would lose the
        // file name in Chrome while an `onDeterminingFilename` listener exists.) The byte-order
        // mark makes spreadsheet programs read the file as UTF-8.
        const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
        const link = Object.assign(document.createElement('a'), { href: url, download: filename });
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
      refresh,
    };
    return <App state={state} actions={actions} />;
  },
  (lang) => t(lang, 'optionsTitle'),
);
