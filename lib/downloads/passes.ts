import { z } from 'zod';
import { KEYS, readKey, type StorageArea } from '../state/storage';

/**
 * A pass: the person clicked an export control, read the policy's warning and wrote a
 * justification in the page's dialog, so the one download that click starts must not ask again.
 * One pass lets one download of that platform through within PASS_TTL_MS; it lives in session
 * storage because the worker may be stopped between the click and the download.
 */
export const PASS_TTL_MS = 60_000;

const Pass = z.object({ platform: z.string(), expires: z.number(), justification: z.string().max(2000) });
export type Pass = z.infer<typeof Pass>;
const Passes = z.array(Pass).catch([]);

/** Passes written and taken together would each rewrite the list; this keeps them in turn. */
let queue: Promise<unknown> = Promise.resolve();

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work);
  queue = next.catch(() => undefined);
  return next;
}

async function live(session: StorageArea, now: number): Promise<Pass[]> {
  return Passes.parse((await readKey(session, KEYS.downloadPasses)) ?? []).filter((p) => p.expires > now);
}

export function grantPass(session: StorageArea, platform: string, justification: string, now: Date): Promise<void> {
  return inTurn(async () => {
    const passes = await live(session, now.getTime());
    await session.set({ [KEYS.downloadPasses]: [...passes, { platform, expires: now.getTime() + PASS_TTL_MS, justification }] });
  });
}

/** Takes (and so uses up) the oldest live pass for a platform. */
export function takePass(session: StorageArea, platform: string, now: Date): Promise<Pass | undefined> {
  return inTurn(async () => {
    const passes = await live(session, now.getTime());
    const index = passes.findIndex((p) => p.platform === platform);
    if (index < 0) return undefined;
    const [pass] = passes.splice(index, 1);
    await session.set({ [KEYS.downloadPasses]: passes });
    return pass;
  });
}
