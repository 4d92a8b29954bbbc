import { z } from 'zod';
import { EventSchema } from '../core/event';
import { Surface } from '../core/policy';
import type { RefusalCode } from '../core/signature';
import type { Text } from '../core/text';
import type { VigieState } from '../state/snapshot';
import type { GuardContext } from '../guard/context-types';
import type { LogRead } from '../log/event-log';
import type { Decision } from '../core/decide';
import { MailboxKey, SenderAnswer } from '../state/sender-answers';

/**
 * The messages each kind of sender may send to the background, one zod union per direction.
 * The background parses every message with the union of its sender's kind, so a content script
 * can never ask for what only an extension page may do (import or remove a grant).
 */

/** The adapter families that run a content script; each maps to its manifest matches. */
export const PlatformFamily = z.enum(['action-network', 'action-builder', 'gmail', 'outlook', 'nationbuilder', 'social', 'nextcloud']);
export type PlatformFamily = z.infer<typeof PlatformFamily>;

/** A signed grant pasted or read from a file: a token or JSON text, never megabytes. */
const GrantText = z.string().min(1).max(64 * 1024);

/** The most events one `log-events` message may carry. */
export const LOG_BATCH_MAX = 500;

/**
 * Content scripts may only log what they decided on their page; `grant` and `policy` events are
 * the background's own. The background stamps time and platform itself.
 */
export const ContentEvent = EventSchema.omit({ time: true, platform: true }).extend({
  surface: z.union([Surface, z.enum(['health', 'report'])]),
});

export const ContentToBackground = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), family: PlatformFamily }),
  /**
   * What a content script logged in one task (lib/guard/log-outbox.ts), in order. Each event is
   * checked on its own in the background, so one invalid event does not lose the others.
   */
  z.strictObject({ type: z.literal('log-events'), events: z.array(z.unknown()).min(1).max(LOG_BATCH_MAX) }),
  z.strictObject({ type: z.literal('get-context') }),
  /** The person justified an export in the page's dialog: let the one download it starts through. */
  z.strictObject({ type: z.literal('export-approved'), justification: z.string().max(2000) }),
  /** The person said which kind of account a webmail mailbox sends from (its sender was unreadable). */
  z.strictObject({ type: z.literal('sender-answer'), mailbox: MailboxKey, answer: SenderAnswer }),
  /** "Request an authorization" in a block's dialog: the background writes the message, logs it and opens it. */
  z.strictObject({ type: z.literal('request-authorization'), surface: Surface, purpose: z.string().trim().min(10).max(500), pageTitle: z.string().max(500) }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

/**
 * `logPage: n`: the options page's state, with the log viewer's first page (the newest `n` events,
 * checked) instead of the popup's few recent events. The worker's database is open already: the
 * page shows its first rows without waiting to open its own (lib/ui/options-start.ts).
 */
const GetState = z.strictObject({ type: z.literal('get-state'), logPage: z.number().int().min(1).max(LOG_BATCH_MAX).optional() });

/** "Check now": both pages may ask for a policy sync; the reply comes once it is done. */
const SyncNow = z.strictObject({ type: z.literal('sync-now') });

/** Forget what the person said about a mailbox's sender: the next send asks again. */
const ForgetSenderAnswer = z.strictObject({ type: z.literal('forget-sender-answer'), mailbox: MailboxKey });

export const PopupToBackground = z.discriminatedUnion('type', [
  GetState,
  SyncNow,
  /** The person opened a report of a suspected compromise (clause 7.7): the background logs it. */
  z.strictObject({ type: z.literal('report-compromise') }),
  ForgetSenderAnswer,
]);
export type PopupToBackground = z.infer<typeof PopupToBackground>;

/** The options page's log filters; dates are epoch milliseconds, inclusive. */
export const LogQuery = z.strictObject({
  platform: z.string().max(64).optional(),
  verdict: z.enum(['allow', 'audit', 'warn', 'block']).optional(),
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
});
export type LogQuery = z.infer<typeof LogQuery>;

export const OptionsToBackground = z.discriminatedUnion('type', [
  GetState,
  SyncNow,
  z.strictObject({ type: z.literal('import-grant'), token: GrantText }),
  z.strictObject({ type: z.literal('remove-grant') }),
  z.strictObject({ type: z.literal('query-log'), query: LogQuery }),
  ForgetSenderAnswer,
]);
export type OptionsToBackground = z.infer<typeof OptionsToBackground>;

export type AnyMessage = ContentToBackground | PopupToBackground | OptionsToBackground;

/** Why the background would not act on a message at all. */
export interface Rejected {
  ok: false;
  error: 'bad-sender' | 'bad-message';
}

export interface Ack {
  ok: true;
}

/** `managed`: IT configures this person's grant, so it cannot be imported or removed here. */
export type ImportReply =
  | { ok: true; holder: string }
  | { ok: false; error: 'refused'; code: RefusalCode; text: Text }
  | { ok: false; error: 'managed' };

/** The reply to each message type; every reply may also be a Rejected. */
export interface Replies {
  hello: Ack;
  'log-events': Ack | { ok: false; error: 'not-stored' };
  'get-state': { ok: true; state: VigieState };
  'get-context': { ok: true; context: GuardContext };
  'export-approved': Ack | { ok: false; error: 'refused' };
  'import-grant': ImportReply;
  'remove-grant': Ack | { ok: false; error: 'managed' };
  'sync-now': Ack;
  'report-compromise': Ack;
  'request-authorization': Ack | { ok: false; error: 'not-opened' };
  'query-log': { ok: true; log: LogRead };
  'sender-answer': Ack;
  'forget-sender-answer': Ack;
}

/**
 * What the background asks a content script about a download it holds (organizing platforms).
 * Types only: content scripts bundle no zod, and only the extension itself can message them.
 */
export type BackgroundToContent =
  | { type: 'download-held'; decision: Decision; fileType: string }
  | { type: 'download-blocked'; decision: Decision; fileType: string };

/** The content script's answer to `download-held`; the background parses it (lib/downloads). */
export type DownloadHeldReply = { choice: 'cancel' } | { choice: 'override'; justification: string };

export type ReplyTo<M extends AnyMessage> = Replies[M['type']] | Rejected;
export type AnyReply = Replies[keyof Replies] | Rejected;
