import type { z } from 'zod';

/**
 * Turns zod issues into located, one-line messages: `platforms[2].hosts[0]: expected a host pattern`.
 * A privacy officer reading a refusal must know which field of the file is wrong and why.
 */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** A document that failed validation; `problems` are located, human-readable lines. */
export class InvalidDocumentError extends Error {
  readonly problems: string[];
  constructor(kind: string, problems: string[]) {
    super(`invalid ${kind}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (+${problems.length - 3} more)` : ''}`);
    this.name = 'InvalidDocumentError';
    this.problems = problems;
  }
}
