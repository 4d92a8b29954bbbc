import browser from 'webextension-polyfill';
import '../../lib/ui/pages.css';
import { sendToBackground } from '../../lib/messaging/client';
import { mountPage } from '../../lib/ui/mount';
import { compromiseReport } from '../../lib/ui/report-view';
import { App, type PopupActions } from './App';

void mountPage(
  document.getElementById('app')!,
  (state, refresh) => {
    const actions: PopupActions = {
      openOptions: async () => {
        await browser.runtime.openOptionsPage();
        window.close();
      },
      forgetSenderAnswer: async (mailbox) => {
        await sendToBackground({ type: 'forget-sender-answer', mailbox });
        await refresh();
      },
      syncNow: async () => {
        await sendToBackground({ type: 'sync-now' });
        await refresh();
      },
      reportCompromise: async () => {
        const report = compromiseReport(state, new Date(), browser.runtime.getManifest().version);
        await sendToBackground({ type: 'report-compromise' });
        // A new tab hands the mailto: link to the person's mail program (or their webmail's handler).
        await browser.tabs.create({ url: report.href });
        window.close();
      },
    };
    return <App state={state} actions={actions} />;
  },
  () => 'Vigie',
);
