import { z } from 'zod';
import { KEYS, readKey, type StorageArea } from './storage';

export const SenderAnswer = z.enum(['local', 'personal']);
export type SenderAnswer = z.infer<typeof SenderAnswer>;

/** A mailbox key (see lib/webmail/mailbox.ts): host and account path, a few hundred characters at most. */
export const MailboxKey = z.string().min(1).max(300);

const Stored = z.record(MailboxKey, z.object({ answer: SenderAnswer, platform: z.string().max(64), time: z.number() }));
export type SenderAnswers = z.infer<typeof Stored>;

/** What the person said each webmail mailbox sends from; anything unreadable counts as never asked. */
export async function readSenderAnswers(local: Pick<StorageArea, 'get'>): Promise<SenderAnswers> {
  const parsed = Stored.safeParse((await readKey(local, KEYS.senderAnswers)) ?? {});
  return parsed.success ? parsed.data : {};
}

/** Writes one answer (or forgets it with `undefined`), in turn with other writes. */
let queue: Promise<unknown> = Promise.resolve();
export function writeSenderAnswer(local: StorageArea, mailbox: string, entry: SenderAnswers[string] | undefined): Promise<void> {
  const next = queue.then(async () => {
    const { [mailbox]: _old, ...rest } = await readSenderAnswers(local);
    await local.set({ [KEYS.senderAnswers]: entry ? { ...rest, [mailbox]: entry } : rest });
  });
  queue = next.catch(() => undefined);
  return next;
}
