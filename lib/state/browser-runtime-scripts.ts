import browser from 'webextension-polyfill';
import type { RuntimeScriptApis } from './runtime-scripts';

/** The real `scripting` and `permissions` behind RuntimeScriptApis. */
export function browserRuntimeScriptApis(): RuntimeScriptApis {
  return {
    getRegisteredContentScripts: () => browser.scripting.getRegisteredContentScripts(),
    registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
    updateContentScripts: (scripts) => browser.scripting.updateContentScripts(scripts),
    unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
    grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
  };
}
