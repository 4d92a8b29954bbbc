import { z } from 'zod';
import { EventSchema } from '../core/event';
import { Surface } from '../core/policy';
import type { RefusalCode } from '../core/signature';
import type { Text } from '../core/text';
import type { VigieState } from '../state/snapshot';
import type { GuardContext } from '../guard/context-types';

/**
 * The messages each kind of sender may send to the background, one zod union per direction.
 * The background parses every message with the union of its sender's kind, so a content script
 * can never ask for what only an extension page may do (import or remove a grant).
 */

/** The adapter families that run a content script; each maps to its manifest matches. */
export const PlatformFamily = z.enum(['action-network', 'action-builder', 'gmail', 'outlook']);
export type PlatformFamily = z.infer<typeof PlatformFamily>;

/** A signed grant pasted or read from a file: a token or JSON text, never megabytes. */
const GrantText = z.string().min(1).max(64 * 1024);

/**
 * Content scripts may only log what they decided on their page; `grant` and `policy` events are
 * the background's own. The background stamps time and platform itself.
 */
const ContentEvent = EventSchema.omit({ time: true, platform: true }).extend({
  surface: z.union([Surface, z.enum(['health', 'report'])]),
});

export const ContentToBackground = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), family: PlatformFamily }),
  z.strictObject({ type: z.literal('log-event'), event: ContentEvent }),
  z.strictObject({ type: z.literal('get-context') }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

const GetState = z.strictObject({ type: z.literal('get-state') });

export const PopupToBackground = z.discriminatedUnion('type', [GetState]);
export type PopupToBackground = z.infer<typeof PopupToBackground>;

export const OptionsToBackground = z.discriminatedUnion('type', [
  GetState,
  z.strictObject({ type: z.literal('import-grant'), token: GrantText }),
  z.strictObject({ type: z.literal('remove-grant') }),
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

export type ImportReply =
  | { ok: true; holder: string }
  | { ok: false; error: 'refused'; code: RefusalCode; text: Text };

/** The reply to each message type; every reply may also be a Rejected. */
export interface Replies {
  hello: Ack;
  'log-event': Ack | { ok: false; error: 'not-stored' };
  'get-state': { ok: true; state: VigieState };
  'get-context': { ok: true; context: GuardContext };
  'import-grant': ImportReply;
  'remove-grant': Ack;
}

export type ReplyTo<M extends AnyMessage> = Replies[M['type']] | Rejected;
export type AnyReply = Replies[keyof Replies] | Rejected;
