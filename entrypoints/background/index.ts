import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { installBrowserDownloadGuard } from '../../lib/downloads/browser-downloads';
import { forgetPolicyHosts } from '../../lib/downloads/policy-hosts';
import { browserServices } from '../../lib/state/browser-services';
import { handleMessage } from '../../lib/state/handle-message';
import { onAlarm, onStart, onStorageChanged } from '../../lib/state/lifecycle';
import { browserRuntimeScriptApis } from '../../lib/state/browser-runtime-scripts';
import { syncRuntimeScripts } from '../../lib/state/runtime-scripts';
import { badgeRefresher, refreshBadge } from '../../lib/state/badge';

// Wiring only. Listeners are registered synchronously so a worker woken by an event receives it;
// every handler reads what it needs from storage, since the worker may be stopped at any moment.
export default defineBackground(() => {
  const services = browserServices();
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleMessage(message, sender, services));
  browser.alarms.onAlarm.addListener((alarm) => onAlarm(alarm.name, services));
  browser.runtime.onInstalled.addListener(() => onStart(services));
  browser.runtime.onStartup.addListener(() => onStart(services));
  browser.storage.onChanged.addListener((_changes, area) => onStorageChanged(area, services));
  // A new policy may guard other hosts: the backstop judges every download until it has read it.
  browser.storage.onChanged.addListener((changes, area) => area === 'local' && 'vigie:policy' in changes && forgetPolicyHosts());
  installBrowserDownloadGuard(services);
  // Self-hosted platforms (Nextcloud): their script runs on the policy's hosts the person allowed.
  const runtimeScripts = () => void syncRuntimeScripts(services.areas, browserRuntimeScriptApis()).catch((error) => console.error('Vigie: runtime content scripts', error));
  browser.permissions.onAdded.addListener(runtimeScripts);
  browser.permissions.onRemoved.addListener(runtimeScripts);
  browser.storage.onChanged.addListener((changes, area) => area === 'local' && 'vigie:policy' in changes && runtimeScripts());
  runtimeScripts();
  // The toolbar badge follows the grant, the policy, the platforms' health and the allowed hosts.
  const action = browser.action ?? browser.browserAction;
  const refresh = badgeRefresher(() => refreshBadge(services, action, async () => (await browser.permissions.getAll()).origins ?? []), (error) => console.error('Vigie: badge', error));
  const badge = () => void refresh();
  browser.storage.onChanged.addListener(badge);
  browser.permissions.onAdded.addListener(badge);
  browser.permissions.onRemoved.addListener(badge);
  browser.alarms.onAlarm.addListener(badge);
  badge();
});
