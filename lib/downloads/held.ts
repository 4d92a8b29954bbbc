import { z } from 'zod';
import { KEYS, readKey, type StorageArea } from '../state/storage';

/**
 * Downloads the backstop holds while it decides, in session storage, marked with the worker
 * instance holding them. Chrome lets a held download go on when the worker that holds it stops
 * (measured: stopped from DevTools while a dialog was open, the file was written): the worker
 * that wakes for the download's completion finds it here, held by a worker that is gone, and
 * deletes the file.
 */
const Held = z.record(z.string(), z.object({ platform: z.string(), worker: z.string(), fileType: z.string() })).catch({});
export type HeldEntry = z.infer<typeof Held>[string];

/** This worker instance (a new one each time the browser starts the worker). */
export const WORKER_INSTANCE: string = crypto.randomUUID();

let queue: Promise<unknown> = Promise.resolve();

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work);
  queue = next.catch(() => undefined);
  return next;
}

async function read(session: StorageArea): Promise<Record<string, HeldEntry>> {
  return Held.parse((await readKey(session, KEYS.heldDownloads)) ?? {});
}

export function markHeld(session: StorageArea, id: number, entry: Omit<HeldEntry, 'worker'>, worker = WORKER_INSTANCE): Promise<void> {
  return inTurn(async () => {
    await session.set({ [KEYS.heldDownloads]: { ...(await read(session)), [id]: { ...entry, worker } } });
  });
}

export function clearHeld(session: StorageArea, id: number): Promise<void> {
  return inTurn(async () => {
    const held = await read(session);
    if (!(String(id) in held)) return;
    delete held[String(id)];
    await session.set({ [KEYS.heldDownloads]: held });
  });
}

/** Takes the entry of a download held by another (stopped) worker instance, if there is one. */
export function takeOrphan(session: StorageArea, id: number, worker = WORKER_INSTANCE): Promise<HeldEntry | undefined> {
  return inTurn(async () => {
    const held = await read(session);
    const entry = held[String(id)];
    if (!entry || entry.worker === worker) return undefined;
    delete held[String(id)];
    await session.set({ [KEYS.heldDownloads]: held });
    return entry;
  });
}

/** Ids of downloads held by stopped worker instances. */
export async function orphanIds(session: StorageArea, worker = WORKER_INSTANCE): Promise<number[]> {
  const held = await read(session);
  return Object.entries(held).filter(([, e]) => e.worker !== worker).map(([id]) => Number(id));
}
