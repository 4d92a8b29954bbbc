import type { SenderHow } from './sender-scope';

/** What the guard remembers about one compose while it is open. */
export interface ComposeState {
  body: HTMLElement;
  /** The element holding the body, subject, From and Send control (see ComposeAdapter.composeOf). */
  root: HTMLElement;
  /** The sender last read, to act when the From changes. */
  sender?: string;
  /** The guard context the compose was last judged with (a new policy or grant means judging again). */
  checkedWith?: object;
  /** The person's remembered answer the compose was last judged with (its sender unreadable). */
  answer?: string;
  /** How the sender was settled: read from the page, or the policy's rule for an unreadable one. */
  how?: SenderHow;
  /** Whether that sender is the policy's business; `undefined` while the person has not been asked. */
  inScope?: boolean;
  /** Our signature block, while it is in the body. */
  block?: Element;
  /** The person removed our block (deleted it, undid it): it is never put back in this compose. */
  userRemoved: boolean;
  /** The person edited the body since our last insertion (tells a deletion from a page re-render). */
  edited: boolean;
  /** The notice was already there when the compose was first seen (a re-opened draft, typed by hand). */
  hadNotice: boolean;
  /** Re-insertions after the page itself re-rendered the body; capped so we never fight the page. */
  reinserts: number;
  /** A send dialog is open for this compose: further sends wait for it. */
  pending: boolean;
}

export function newComposeState(body: HTMLElement, root: HTMLElement): ComposeState {
  return { body, root, userRemoved: false, edited: false, hadNotice: false, reinserts: 0, pending: false };
}
