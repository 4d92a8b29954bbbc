import { InvalidDocumentError } from '../core/errors';
import { approveExport } from '../downloads/approval';
import { queryEvents } from '../log/event-log';
import { writeQueueFor, type LogTicket } from '../log/write-queue';
import {
  ContentEvent,
  ContentToBackground,
  OptionsToBackground,
  PopupToBackground,
  type AnyReply,
  type Rejected,
} from '../messaging/protocol';
import { classifySender, familyMatches, type Sender } from '../messaging/sender';
import { importGrant, removeGrant } from './grant-store';
import { loadPolicy, type PolicyState } from './policy-source';
import { recordHealth, recordHello } from './seen';
import { writeSenderAnswer } from './sender-answers';
import { guardContext } from './guard-context';
import type { Services } from './services';
import { snapshot } from './snapshot';
import { logCompromiseReport } from './report';
import { requestAuthorization } from './authorization-request';
import { syncPolicy } from '../sync/run-sync';
import { readSyncStatus } from '../sync/sync-status';
import { keySource, MANAGED_WAIT_MS, type KeySource } from './trust';

const BAD_SENDER: Rejected = { ok: false, error: 'bad-sender' };
const BAD_MESSAGE: Rejected = { ok: false, error: 'bad-message' };

/** What every handler works from, loaded from storage for each message: the worker keeps nothing. */
interface Loaded {
  services: Services;
  keys: KeySource;
  policy: PolicyState;
  now: Date;
}

/**
 * The background's one message entry point: checks who sent it, parses it with that sender's
 * union, then acts. Nothing is done for an untrusted sender or a message that does not parse.
 */
export async function handleMessage(raw: unknown, sender: Sender, services: Services): Promise<AnyReply> {
  // A log event's place in the log is taken on arrival, before anything is awaited: order kept per tab.
  const type = (raw as { type?: unknown } | null)?.type;
  const ticket = type === 'log-events' ? writeQueueFor(services.db).reserve() : undefined;
  try {
    return await checkedMessage(raw, sender, services, ticket);
  } finally {
    ticket?.release();
  }
}

async function checkedMessage(raw: unknown, sender: Sender, services: Services, ticket: LogTicket | undefined): Promise<AnyReply> {
  const keys = keySource(services.areas, MANAGED_WAIT_MS);
  const loaded: Loaded = { services, keys, policy: await loadPolicy(services.areas, keys), now: services.now() };
  const from = classifySender(sender, { runtimeId: services.runtimeId, extensionBase: services.extensionBase, policy: loaded.policy.policy });
  switch (from.kind) {
    case 'untrusted':
      return BAD_SENDER;
    case 'content': {
      const message = ContentToBackground.safeParse(raw);
      return message.success ? fromContent(message.data, from, loaded, ticket) : BAD_MESSAGE;
    }
    case 'popup': {
      const message = PopupToBackground.safeParse(raw);
      return message.success ? fromPage(message.data, loaded) : BAD_MESSAGE;
    }
    case 'options': {
      const message = OptionsToBackground.safeParse(raw);
      return message.success ? fromPage(message.data, loaded) : BAD_MESSAGE;
    }
  }
}

async function fromContent(message: ContentToBackground, from: { url: string; platform: string }, loaded: Loaded, ticket?: LogTicket): Promise<AnyReply> {
  const { services, now } = loaded;
  switch (message.type) {
    case 'hello':
      // A script of one family speaking from another family's site is not ours to believe.
      if (!familyMatches(message.family, from.url, loaded.policy.policy)) return BAD_SENDER;
      await recordHello(services.areas.session, message.family, from.url, now);
      return { ok: true };
    case 'get-context':
      return { ok: true, context: await guardContext(loaded, from.platform) };
    case 'request-authorization':
      return requestAuthorization(loaded, from, message);
    case 'export-approved':
      return approveExport(loaded, from.platform, message.justification);
    case 'sender-answer':
      await writeSenderAnswer(services.areas.local, message.mailbox, { answer: message.answer, platform: from.platform, time: now.getTime() });
      return { ok: true };
    case 'log-events':
      return logFromContent(message.events, from, loaded, ticket);
  }
}

/**
 * Stamps each event with the time, the sender's platform and the policy in force, and stores them
 * in the message's place in the log. An event that is not a content script's to log is refused
 * alone; the others are stored.
 */
async function logFromContent(events: readonly unknown[], from: { url: string; platform: string }, loaded: Loaded, ticket?: LogTicket): Promise<AnyReply> {
  const { services, now } = loaded;
  const { platform } = from;
  const stamp = { time: now.getTime(), platform, policyId: loaded.policy.policy.id, policyVersion: loaded.policy.policy.version };
  const checked = events.map((event) => ContentEvent.safeParse(event));
  const valid = checked.flatMap((c) => (c.success ? [{ ...c.data, ...stamp }] : []));
  try {
    await (ticket ?? writeQueueFor(services.db).reserve()).store(valid);
    for (const event of valid) if (event.surface === 'health') await recordHealth(services.areas.session, platform, event.action, event.detail, now, from.url);
  } catch (error) {
    if (error instanceof InvalidDocumentError) return { ok: false, error: 'not-stored' };
    throw error;
  }
  return valid.length === events.length ? { ok: true } : { ok: false, error: 'not-stored' };
}

async function fromPage(message: PopupToBackground | OptionsToBackground, loaded: Loaded): Promise<AnyReply> {
  const { services, keys, now } = loaded;
  const grantContext = { areas: services.areas, db: services.db, keys, policy: loaded.policy.policy, now };
  switch (message.type) {
    case 'get-state':
      return { ok: true, state: await snapshot({ ...grantContext, policy: loaded.policy }, services.uiLanguage(), { logPage: message.logPage }) };
    case 'import-grant':
      if ((await readSyncStatus(services.areas.local)).grantManaged) return { ok: false, error: 'managed' };
      // An import waits for IT's keys however long the browser takes: refusing a good grant is worse.
      return importGrant(message.token, { ...grantContext, keys: keySource(services.areas) });
    case 'remove-grant':
      if ((await readSyncStatus(services.areas.local)).grantManaged) return { ok: false, error: 'managed' };
      await removeGrant(grantContext);
      return { ok: true };
    case 'sync-now':
      await syncPolicy(services);
      return { ok: true };
    case 'report-compromise':
      await logCompromiseReport({ ...grantContext, policy: loaded.policy });
      return { ok: true };
    case 'query-log':
      return { ok: true, log: await queryEvents(services.db, message.query) };
    case 'forget-sender-answer':
      await writeSenderAnswer(services.areas.local, message.mailbox, undefined);
      return { ok: true };
  }
}
