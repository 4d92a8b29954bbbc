import { InvalidDocumentError } from '../core/errors';
import { parsePolicy } from '../core/policy';

// Pure (no Node import): the console's page runs this on each keystroke, the server again on signing.

export type PolicyCheck = { ok: true; value: unknown; problems: [] } | { ok: false; problems: string[] };

/** Live validation for the editor: JSON syntax with line and column, then the policy's own rules. */
export function checkPolicyText(text: string): PolicyCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [locateJsonError(text, (error as Error).message)] };
  }
  try {
    parsePolicy(value);
    return { ok: true, value, problems: [] };
  } catch (error) {
    if (error instanceof InvalidDocumentError) return { ok: false, problems: error.problems };
    throw error;
  }
}

/**
 * Where JSON.parse gave up, as line and column. V8 names the position for most errors but not all
 * ("Unexpected token"), so the fallback finds the longest prefix that is still a valid start of a
 * document: past it, every longer prefix fails too, so a binary search finds the spot.
 */
export function locateJsonError(text: string, message: string): string {
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
  const at = /position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : validPrefixLength(text);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${reason}`;
}

function validPrefixLength(text: string): number {
  const fine = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (error) {
      // A prefix cut mid-document fails at its very end ("Unexpected end", or a position = its length).
      const message = (error as Error).message;
      const at = /position (\d+)/.exec(message);
      return /Unexpected end of JSON input/.test(message) || (at !== null && Number(at[1]) >= n);
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fine(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
