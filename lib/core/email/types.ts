import type { FindingId } from '../policy';
import type { Text } from '../text';

/** An email about to be sent, as the extension reads it from the compose window or the CLI from a file. */
export interface EmailInput {
  /** The sending address, bare or as "Name <address>". */
  from: string;
  subject: string;
  body: string;
  format: 'html' | 'text';
  /**
   * HTML only: the quoted history's markup when the caller already cut it off `body` at the
   * quote's start (the extension, from the compose's elements). Read only if the notice is missing
   * from the new content, to tell "only in the quote" from "missing".
   */
  quoted?: () => string;
}

/** The local section the sender writes for; the number is a string because some are "70A". */
export interface Section {
  number: string;
  name?: Text;
}

export interface EmailFinding {
  rule: FindingId;
  /** Clause of the policy the finding rests on. */
  clause: string;
  /** What is wrong and what to do, in French and English. */
  message: Text;
  /** `campaign-term`: the lexicon terms found. */
  terms?: string[];
}

export interface EmailCheckResult {
  /** No findings (an out-of-scope sender is compliant: nothing applies to it). */
  compliant: boolean;
  /** Whether the sender is a local-section account the policy governs. */
  inScope: boolean;
  findings: EmailFinding[];
}
