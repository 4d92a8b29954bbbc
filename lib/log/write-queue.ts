import type { LogDatabase, StoredEvent } from './database';
import { appendEvents, validEvent } from './event-log';

/**
 * The background's log writes, batched: each `log-events` message takes its place in the queue as
 * it arrives (synchronously, before anything is awaited), and everything ready is stored with one
 * append per task (one transaction), in arrival order — so events keep the order their tab sent them in.
 * A message is answered only once its event is committed: the pending reply keeps the worker
 * alive until then, so nothing queued is lost when the browser stops an idle worker.
 */
export interface LogTicket {
  /**
   * Validates and stores the events in this ticket's place, in their order; resolves once they are
   * committed. An invalid event is refused alone (InvalidDocumentError, once the others are
   * stored): one careless event must not lose the ones sent with it.
   */
  store(events: unknown | readonly unknown[]): Promise<void>;
  /** Gives the place up (the message turned out not to log anything); no-op once stored. */
  release(): void;
}

/** One place in the queue; filled in place when its message has been checked. */
interface Slot {
  state: 'waiting' | 'released' | 'ready';
  events?: Array<Omit<StoredEvent, 'id'>>;
  /** The first event of the slot that failed validation: reported once the valid ones are stored. */
  refused?: unknown;
  done?: () => void;
  failed?: (error: unknown) => void;
}

export class LogWriteQueue {
  private slots: Slot[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(
    private readonly db: LogDatabase,
    private readonly schedule: (run: () => void) => void = (run) => setTimeout(run, 0),
  ) {}

  reserve(): LogTicket {
    const slot: Slot = { state: 'waiting' };
    this.slots.push(slot);
    return {
      store: (input) =>
        new Promise<void>((done, failed) => {
          if (slot.state !== 'waiting') return failed(new Error('log ticket already used'));
          const events: Array<Omit<StoredEvent, 'id'>> = [];
          for (const one of Array.isArray(input) ? input : [input]) {
            try {
              events.push(validEvent(one));
            } catch (error) {
              slot.refused ??= error;
            }
          }
          if (events.length === 0 && slot.refused !== undefined) {
            // Nothing to store: refuse now rather than wait for the places before this one.
            slot.state = 'released';
            failed(slot.refused);
          } else Object.assign(slot, { state: 'ready', events, done, failed });
          this.kick();
        }),
      release: () => {
        if (slot.state !== 'waiting') return;
        slot.state = 'released';
        this.kick();
      },
    };
  }

  /** Events reserved and not yet committed (for tests and the bench). */
  get pending(): number {
    return this.slots.length;
  }

  private kick(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Stores the ready events at the head of the queue; one still waiting holds back those after it. */
  private async flush(): Promise<void> {
    let n = 0;
    while (n < this.slots.length && this.slots[n]!.state !== 'waiting') n++;
    if (n === 0) return;
    const batch = this.slots.splice(0, n).filter((s) => s.state === 'ready');
    this.flushing = true;
    try {
      const events = batch.flatMap((s) => s.events!);
      await appendEvents(this.db, events);
      for (const s of batch) {
        if (s.refused === undefined) s.done!();
        else s.failed!(s.refused);
      }
    } catch (error) {
      for (const s of batch) s.failed!(error);
    } finally {
      this.flushing = false;
    }
    if (this.slots.length > 0 && this.slots[0]!.state !== 'waiting') this.kick();
  }
}

const queues = new WeakMap<LogDatabase, LogWriteQueue>();

/** The one write queue of a database (the worker has one database object for its lifetime). */
export function writeQueueFor(db: LogDatabase): LogWriteQueue {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new LogWriteQueue(db)));
  return queue;
}
