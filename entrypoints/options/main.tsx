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
      refresh,
    };
    return <App state={state} actions={actions} />;
  },
  (lang) => t(lang, 'optionsTitle'),
);
