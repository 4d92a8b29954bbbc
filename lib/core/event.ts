import { z } from 'zod';
import { FindingId, Surface } from './policy';

/**
 * One decision or notable happening, as stored in the log. It never holds member data: no page
 * content, no query string, no addresses but the sending account's domain, counts instead of values.
 */
export const EventSchema = z.object({
  time: z.number().int().nonnegative(),
  platform: z.string().max(64),
  surface: z.union([Surface, z.enum(['grant', 'policy', 'health', 'report'])]),
  /** What happened: `decided`, `overridden`, `cancelled`, `fixed`, `inserted`, `grant-imported`, … */
  action: z.string().regex(/^[a-z][a-z-]{1,40}$/),
  verdict: z.enum(['allow', 'audit', 'warn', 'block']).optional(),
  ruleIds: z.array(z.string().max(64)).max(20).default([]),
  clauses: z.array(z.string().max(16)).max(20).default([]),
  findings: z.array(FindingId).max(10).default([]),
  justification: z.string().max(2000).optional(),
  /** Origin and path only: `https://actionnetwork.org` + `/reports/x/manage`. */
  origin: z.string().max(200).optional(),
  path: z.string().max(300).optional(),
  /** For sends: the sending account's domain, never the full address. */
  senderDomain: z.string().max(200).optional(),
  counts: z.object({ emails: z.number().int(), phones: z.number().int(), rows: z.number().int() }).partial().optional(),
  policyId: z.string().max(64).optional(),
  policyVersion: z.number().int().optional(),
  grantId: z.string().max(90).optional(),
  detail: z.string().max(300).optional(),
});
export type VigieEvent = z.infer<typeof EventSchema>;
export type VigieEventInput = z.input<typeof EventSchema>;

export { originAndPath } from './page-place';
