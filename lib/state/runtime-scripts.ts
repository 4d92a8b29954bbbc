import { planScripts, type ScriptChange, type ScriptRegistration } from '../platforms/runtime-hosts';
import { loadPolicy } from './policy-source';
import type { StorageAreas } from './storage';
import { keySource } from './trust';

/** The parts of `browser.scripting` and `browser.permissions` the registration uses (fakes in tests). */
export interface RuntimeScriptApis {
  getRegisteredContentScripts(): Promise<ScriptRegistration[]>;
  registerContentScripts(scripts: Array<{ id: string; js: string[]; matches: string[]; runAt: 'document_start'; persistAcrossSessions: boolean }>): Promise<void>;
  updateContentScripts(scripts: Array<{ id: string; matches: string[] }>): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  grantedOrigins(): Promise<string[]>;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes the registered runtime content scripts match the policy in force and the hosts the person
 * allowed. Called at start, when a permission is added or removed, and when the policy changes;
 * runs one at a time, since two overlapping registrations of one id would fail.
 */
export function syncRuntimeScripts(areas: StorageAreas, apis: RuntimeScriptApis): Promise<ScriptChange[]> {
  const run = queue.then(async () => {
    const { policy } = await loadPolicy(areas, keySource(areas));
    const changes = planScripts(policy, await apis.grantedOrigins(), await apis.getRegisteredContentScripts());
    for (const change of changes) await apply(change, apis);
    return changes;
  });
  queue = run.catch(() => undefined);
  return run;
}

async function apply(change: ScriptChange, apis: RuntimeScriptApis): Promise<void> {
  switch (change.op) {
    case 'register':
      // document_start: the guard's capture listeners must come before the page's own.
      return apis.registerContentScripts([{ id: change.id, js: [change.js], matches: change.matches, runAt: 'document_start', persistAcrossSessions: true }]);
    case 'update':
      return apis.updateContentScripts([{ id: change.id, matches: change.matches }]);
    case 'unregister':
      return apis.unregisterContentScripts({ ids: [change.id] });
  }
}
