import { z } from 'zod';
import { selectorProblem } from './css-selector';
import { describeIssues, InvalidDocumentError } from './errors';

/**
 * A site pack: every platform's selectors, label lists and numbers as data, never code, so the
 * national office can ship a fix for a site redesign the same day, signed like a policy, instead
 * of waiting for a release and a store review. The extension bundles one (lib/packs/sites.json);
 * a signed newer one delivered by IT's configuration or at a URL replaces it (lib/sync/sites-sync.ts).
 */

/** A selector the browsers accept, else a located refusal that quotes it. */
const Selector = z
  .string()
  .max(2000)
  .superRefine((selector, ctx) => {
    const problem = selectorProblem(selector);
    if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(selector)}: ${problem}` });
  });

/** A name a platform's code asks for (`sendButtons`, `exportControls`). */
const Name = z.string().regex(/^[a-z][A-Za-z0-9]{0,47}$/, 'expected a camelCase name');

/** Ordered fallbacks: the first one that finds something wins (roles and ARIA first, classes last). */
export const LookupSchema = z.strictObject({
  /** What it finds and why these selectors, in one line. */
  why: z.string().min(1).max(600),
  fallbacks: z.array(Selector).min(1).max(16),
});

export const PlatformSitesSchema = z.strictObject({
  /** Where the selectors come from and how sure they are ([V] verified, [G] guessed). */
  sources: z.string().max(4000).optional(),
  lookups: z.record(Name, LookupSchema),
  /** Words as the site shows them, French and English; how each list is compared is the adapter's. */
  labels: z.record(Name, z.array(z.string().trim().min(1).max(160)).max(60)).default({}),
  /** Counts such as how many ancestors to climb looking for a compose. */
  numbers: z.record(Name, z.number().int().min(0).max(1000)).default({}),
});

export const SitePackSchema = z.strictObject({
  vigie: z.literal('sites/1'),
  /** Raised at every change: an extension never takes a pack older than the one it holds or bundles. */
  version: z.number().int().positive(),
  issuedAt: z.iso.datetime({ offset: true }).optional(),
  /** What this version changes, for the log and the person who signs it. */
  note: z.string().max(2000).optional(),
  platforms: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,47}$/, 'expected a platform id'), PlatformSitesSchema),
});
export type SitePack = z.infer<typeof SitePackSchema>;
export type PlatformSites = z.infer<typeof PlatformSitesSchema>;
export type Lookup = z.infer<typeof LookupSchema>;

/** Parses a site pack; a bad one throws with every problem located (`platforms.gmail.lookups.body.fallbacks[2]: …`). */
export function parseSitePack(value: unknown): SitePack {
  const parsed = SitePackSchema.safeParse(value);
  if (!parsed.success) throw new InvalidDocumentError('site pack', describeIssues(parsed.error));
  return parsed.data;
}
