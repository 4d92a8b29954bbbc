import browser from 'webextension-polyfill';
import '../../lib/ui/pages.css';
import { mountPage } from '../../lib/ui/mount';
import { App } from './App';

const actions = {
  openOptions: async () => {
    await browser.runtime.openOptionsPage();
    window.close();
  },
};

void mountPage(document.getElementById('app')!, (state) => <App state={state} actions={actions} />, () => 'Vigie');
