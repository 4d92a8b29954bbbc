import { recoverOrphan, runBackstop, type BackstopDeps } from './backstop';
import type { DownloadFacts } from './download-source';
import { orphanIds } from './held';
import { needsJudging } from './judge';

/**
 * The one place where Chrome and Firefox differ for downloads.
 *
 * Chrome: `downloads.onDeterminingFilename` holds every download until each listener calls
 * `suggest()`. The backstop decides there and calls `suggest()` only for a download that may go
 * ahead; a blocked one is cancelled and erased without ever having a name, so no file is written.
 * (Cancelling in `onCreated` loses the race for small files.)
 *
 * Firefox has no such event. Its best path: pause in `onCreated` at once (before any await), then
 * decide, then resume or cancel and erase. A small file can finish before the pause lands; it is
 * then deleted from disk (`removeFile`) and erased, and the log says `removed-after-completion`.
 * So Firefox guarantees that no guarded download is *kept*, not that no byte ever reaches disk.
 *
 * Both: a download held while a person answers is recorded (held.ts). If the worker is stopped
 * meanwhile (Chrome then lets the download go on), the next worker removes the file when the
 * download ends: the same "not kept" guarantee, for that rare case, in Chrome too.
 */
export interface DownloadsControl {
  cancel(id: number): Promise<void>;
  erase(query: { id: number }): Promise<unknown>;
  search(query: { id: number }): Promise<Array<{ state?: string }>>;
  removeFile(id: number): Promise<void>;
  pause(id: number): Promise<void>;
  resume(id: number): Promise<void>;
}

type Suggest = (suggestion?: { filename: string; conflictAction?: string }) => void;

interface DownloadEvent<L> {
  addListener(listener: L): void;
}

export interface DownloadEvents {
  /** Chrome only. */
  onDeterminingFilename?: DownloadEvent<(item: DownloadFacts, suggest: Suggest) => boolean | void>;
  onCreated: DownloadEvent<(item: DownloadFacts & { state?: string }) => void>;
  onChanged: DownloadEvent<(delta: { id: number; state?: { current?: string } }) => void>;
}

export type GuardDeps = BackstopDeps & { downloads: DownloadsControl; runtimeId: string };

/** Registers the backstop; call synchronously at worker start, so a waking worker gets the event. */
export function installDownloadGuard(events: DownloadEvents, deps: GuardDeps): 'determining-filename' | 'pause-on-created' {
  // Both browsers: a download a stopped worker was holding is caught when it ends (see held.ts),
  // or now if this worker started for another reason while it still runs.
  events.onChanged.addListener(changedListener(deps));
  void sweepOrphans(deps);
  if (events.onDeterminingFilename) {
    events.onDeterminingFilename.addListener(determiningFilenameListener(deps));
    return 'determining-filename';
  }
  events.onCreated.addListener(createdListener(deps));
  return 'pause-on-created';
}

/** Chrome: decide while the browser waits for a file name. */
export function determiningFilenameListener(deps: GuardDeps) {
  return (item: DownloadFacts, suggest: Suggest): boolean | void => {
    if (!needsJudging(item, deps.runtimeId)) return suggest();
    void runBackstop(item, { proceed: () => suggest(), stop: () => stopDownload(deps.downloads, item.id) }, deps);
    return true; // suggest() comes later
  };
}

/** Firefox: pause first, decide next. */
export function createdListener(deps: GuardDeps) {
  return (item: DownloadFacts & { state?: string }): void => {
    if (!needsJudging(item, deps.runtimeId)) return;
    const paused = item.state === undefined || item.state === 'in_progress'
      ? deps.downloads.pause(item.id).then(() => true, () => false)
      : Promise.resolve(false);
    const proceed = async () => {
      if (await paused) await deps.downloads.resume(item.id).catch(() => undefined);
    };
    void runBackstop(item, { proceed, stop: () => stopDownload(deps.downloads, item.id) }, deps);
  };
}

/** A download ended (complete or interrupted): was it held by a worker that is gone? */
export function changedListener(deps: GuardDeps) {
  return (delta: { id: number; state?: { current?: string } }): void => {
    const state = delta.state?.current;
    if (state !== 'complete' && state !== 'interrupted') return;
    void recoverOrphan(delta.id, deps, () => stopDownload(deps.downloads, delta.id));
  };
}

export async function sweepOrphans(deps: GuardDeps): Promise<void> {
  for (const id of await orphanIds(deps.services.areas.session).catch(() => [])) {
    await recoverOrphan(id, deps, () => stopDownload(deps.downloads, id));
  }
}

/** Cancels and erases a download; deletes its file first if it had already been written. */
export async function stopDownload(downloads: DownloadsControl, id: number): Promise<'cancelled' | 'removed'> {
  await downloads.cancel(id).catch(() => undefined);
  const [item] = await downloads.search({ id }).catch(() => []);
  const written = item?.state === 'complete';
  if (written) await downloads.removeFile(id).catch(() => undefined);
  await downloads.erase({ id }).catch(() => undefined);
  return written ? 'removed' : 'cancelled';
}
