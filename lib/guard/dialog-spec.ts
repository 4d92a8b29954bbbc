import type { Bilingual, Lang } from '../core/lang';

export interface DialogReason {
  message: Bilingual;
  clauses: readonly string[];
}

export interface DialogFix {
  id: string;
  label: Bilingual;
}

/** A reason the person can pick when going ahead anyway (the policy's, plus "Vigie is wrong here"). */
export interface OverrideReason {
  id: string;
  text: Bilingual;
}

/** "Request an authorization": who is asked, and how the request leaves (the background logs and opens it). */
export interface AuthorizationRequest {
  /** The authority the policy names for the clause, in words ("the CAPE National Office, through …"). */
  authority: Bilingual;
  email: string;
  /** Prepares the message; resolves false when it could not be opened. */
  send: (purpose: string) => Promise<boolean>;
}

export interface DialogSpec {
  lang: Lang;
  /** A block stops the action; a warn lets the person go ahead. They look different, not only by colour. */
  tone: 'block' | 'warn';
  title: Bilingual;
  reasons: readonly DialogReason[];
  /** Clause titles from the policy, shown beside (or, when `citeByTitle`, instead of) each clause number. */
  clauseTitles: Readonly<Record<string, { title: Bilingual }>>;
  /** The policy's sections have no numbers of their own: cite them by title only. */
  citeByTitle?: boolean;
  /** One-click fixes; the first is the primary action. A label says "and send" only if it sends. */
  fixes?: readonly DialogFix[];
  /** An editable line the user can change before a fix uses it (e.g. the local's opening line). */
  editable?: { label: Bilingual; value: string; forFix: string };
  /** Present only where the policy allows going ahead; the justification step comes after pressing it. */
  override?: { label: Bilingual; justification: 'required' | 'optional' | 'none'; reasons?: readonly OverrideReason[] };
  /** The next step on a block: ask the authority for a written authorization. */
  request?: AuthorizationRequest;
  /** Extra lines: who to contact, an authorization in force. */
  notes?: readonly Bilingual[];
}

export type DialogResult =
  | { choice: 'cancel' }
  | { choice: 'override'; justification: string }
  | { choice: 'fix'; id: string; value?: string };

/** The shortest justification accepted where one is required (stated in the dialog up front). */
export const MIN_JUSTIFICATION = 10;
/** The shortest purpose accepted in an authorization request. */
export const MIN_PURPOSE = 10;
/** The id of the reason every override offers: the person thinks Vigie is mistaken. */
export const VIGIE_WRONG = 'vigie-wrong';
