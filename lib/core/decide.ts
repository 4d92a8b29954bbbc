import type { ExportAuthorization, Grant } from './grant';
import { activeAuthorization, grantCovers, grantStatus, type GrantStatus } from './grant-status';
import { fill, type Bilingual as Text } from './lang';
import type { FindingId, Override, Policy, Rule, Surface } from './policy';
import { EXPORT_SURFACES } from './surfaces';

export type DecidedVerdict = 'allow' | 'audit' | 'warn' | 'block';

export interface Counts {
  emails: number;
  phones: number;
  rows: number;
}

/** What the person is about to do. */
export interface Action {
  surface: Surface;
  /** Platform id from the policy (see platformForHost). */
  platform: string;
  /** Send checks: what the email checks found. */
  findings?: readonly FindingId[];
  /** Copy and print: how much member data the selection or page carries. */
  counts?: Counts;
}

export interface Reason {
  ruleId: string;
  finding?: FindingId;
  verdict: DecidedVerdict;
  clauses: string[];
  message: Text;
  override: Override;
}

export interface Decision {
  verdict: DecidedVerdict;
  /** In rollout (audit) mode, the verdict the policy would have enforced. */
  wouldBe?: DecidedVerdict;
  reasons: Reason[];
  clauses: string[];
  override: { allowed: boolean; justification: 'required' | 'optional' | 'none' };
  grantStatus: GrantStatus;
  /** The export authorization that turned a block into an allow. */
  authorization?: ExportAuthorization;
}

const RANK: Record<DecidedVerdict, number> = { allow: 0, audit: 1, warn: 2, block: 3 };

// Each says what to do now, naming the contact with its article (the policy's `inSentence`).
const GRANT_MESSAGES: Record<Exclude<GrantStatus, 'valid'>, Text> = {
  missing: {
    fr: "Aucune autorisation d’accès n’est enregistrée dans Vigie : toute exportation est bloquée. Pour en obtenir une, écrivez à {contact} ({email}), puis importez-la dans les options de Vigie.",
    en: 'No access authorization is recorded in Vigie: every export is blocked. To get one, write to {contact} ({email}), then import it in Vigie’s options.',
  },
  expired: {
    fr: "Votre autorisation d’accès a expiré : toute exportation est bloquée. Demandez son renouvellement à {contact} ({email}). D’ici là, n’utilisez plus les renseignements que vous avez déjà exportés.",
    en: 'Your access authorization has expired: every export is blocked. Ask {contact} ({email}) to renew it. Until then, stop using any information you already exported.',
  },
  'not-yet-valid': {
    fr: "Votre autorisation d’accès n’est pas encore en vigueur : toute exportation est bloquée jusqu’à sa date de début. Questions : {contact} ({email}).",
    en: 'Your access authorization is not in force yet: every export is blocked until it starts. Questions: {contact} ({email}).',
  },
  revoked: {
    fr: "Votre autorisation d’accès a été révoquée : toute exportation est bloquée. Cessez d’utiliser les renseignements que vous avez exportés et écrivez à {contact} ({email}).",
    en: 'Your access authorization has been revoked: every export is blocked. Stop using any information you exported and write to {contact} ({email}).',
  },
};

const PLATFORM_NOT_GRANTED: Text = {
  fr: "Votre autorisation d’accès ne couvre pas {platform} : l’exportation est bloquée. Pour l’y étendre, écrivez à {contact} ({email}).",
  en: 'Your access authorization does not cover {platform}: the export is blocked. To extend it, write to {contact} ({email}).',
};

const ALLOW: Omit<Decision, 'grantStatus'> = {
  verdict: 'allow',
  reasons: [],
  clauses: [],
  override: { allowed: true, justification: 'none' },
};

/**
 * Decides what Vigie does about an action. Pure: the same inputs always give the same decision.
 * Unguarded platforms and surfaces are allowed; exports need a valid grant covering the platform
 * and are allowed outright by an export authorization in force; sends are judged per finding.
 */
export function decide(action: Action, policy: Policy, grant: Grant | undefined, now: Date): Decision {
  const status = grantStatus(grant, policy.revokedGrants, now);
  const platform = policy.platforms.find((p) => p.id === action.platform);
  if (!platform || !platform.surfaces.includes(action.surface)) return { ...ALLOW, grantStatus: status };

  if (action.surface === 'send') return applyRollout(policy, combine(sendReasons(action, policy, grant), status));
  if (!EXPORT_SURFACES.includes(action.surface)) return { ...ALLOW, grantStatus: status };
  // A copy, or a print, of less than the threshold is one person's details, not a member list.
  if ((action.surface === 'copy' || action.surface === 'print') && action.counts && !exceeds(action.counts, policy.copyThreshold)) {
    return { ...ALLOW, grantStatus: status };
  }

  const officer = policy.contacts.privacyOfficer;
  const contact = { contact: officer.inSentence ?? officer.title, email: officer.email };
  const rule = findRule(policy, action.surface, action.platform, undefined, grant);
  const ruleClauses = rule?.clauses ?? [];
  if (status !== 'valid' || !grant) {
    const template = GRANT_MESSAGES[status === 'valid' ? 'missing' : status];
    return applyRollout(policy, combine([accessReason(policy, `grant-${status}`, template, contact, ruleClauses)], status));
  }
  if (!grantCovers(grant, platform.id)) {
    const template = fillPerLang(PLATFORM_NOT_GRANTED, { platform: platform.name });
    return applyRollout(policy, combine([accessReason(policy, 'platform-not-granted', template, contact, ruleClauses)], status));
  }
  const authorization = activeAuthorization(grant, platform.id, now);
  if (authorization) return { ...ALLOW, grantStatus: status, authorization, clauses: ruleClauses };
  if (!rule) return { ...ALLOW, grantStatus: status };
  return applyRollout(policy, combine([reasonOf(rule)], status));
}

/** Fills placeholders whose values themselves differ per language. */
function fillPerLang(text: Text, values: Record<string, Text>): Text {
  const pick = (lang: 'fr' | 'en') => text[lang].replace(/\{(\w+)\}/g, (m, k: string) => values[k]?.[lang] ?? m);
  return { fr: pick('fr'), en: pick('en') };
}

function accessReason(policy: Policy, ruleId: string, template: Text, contact: { contact: Text; email: string }, ruleClauses: string[]): Reason {
  const message = fill(fillPerLang(template, { contact: contact.contact }), { email: contact.email });
  return { ruleId, verdict: 'block', clauses: [...new Set([...policy.accessClauses, ...ruleClauses])], message, override: { allowed: false } };
}

function exceeds(counts: Counts, threshold: Counts): boolean {
  return counts.emails > threshold.emails || counts.phones > threshold.phones || counts.rows > threshold.rows;
}

/**
 * The most specific rule for a surface on a platform (and finding) for this holder: every
 * condition a rule sets (platforms, roles, clearance) makes it more specific; among equals, the
 * first in the policy wins. Without a grant, rules that name roles or a clearance do not apply.
 */
export function findRule(policy: Policy, surface: Surface, platform: string, finding?: FindingId, grant?: Grant): Rule | undefined {
  let best: Rule | undefined;
  let bestScore = -1;
  for (const rule of policy.rules) {
    if (!rule.surfaces.includes(surface) || rule.finding !== finding) continue;
    if (rule.platforms && !rule.platforms.includes(platform)) continue;
    if (rule.roles && !(grant && rule.roles.includes(grant.role))) continue;
    if (rule.belowClearance && !(grant && clearanceRank(policy, grant) < levelRank(policy, rule.belowClearance))) continue;
    const score = Number(!!rule.platforms) + Number(!!rule.roles) + Number(!!rule.belowClearance);
    if (score > bestScore) [best, bestScore] = [rule, score];
  }
  return best;
}

function levelRank(policy: Policy, level: string | undefined): number {
  return level === undefined ? -1 : (policy.classification?.levels.findIndex((l) => l.id === level) ?? -1);
}

/** The holder's clearance: the grant's own, else the role's default; -1 when neither says. */
export function clearanceRank(policy: Policy, grant: Grant): number {
  return levelRank(policy, grant.clearance ?? policy.roles.find((r) => r.id === grant.role)?.clearance);
}

function reasonOf(rule: Rule, finding?: FindingId): Reason {
  return { ruleId: rule.id, finding, verdict: rule.verdict, clauses: rule.clauses, message: rule.message, override: rule.override };
}

function sendReasons(action: Action, policy: Policy, grant: Grant | undefined): Reason[] {
  const reasons: Reason[] = [];
  for (const finding of new Set(action.findings ?? [])) {
    const rule = findRule(policy, 'send', action.platform, finding, grant);
    if (rule) reasons.push(reasonOf(rule, finding));
  }
  return reasons;
}

/** Folds reasons into one decision: the strongest verdict wins; overriding needs every strongest reason to allow it. */
function combine(reasons: Reason[], status: GrantStatus): Decision {
  if (reasons.length === 0) return { ...ALLOW, grantStatus: status };
  const verdict = reasons.reduce<DecidedVerdict>((v, r) => (RANK[r.verdict] > RANK[v] ? r.verdict : v), 'allow');
  const clauses = [...new Set(reasons.flatMap((r) => r.clauses))];
  const override = overrideOf(reasons, verdict);
  return { verdict, reasons, clauses, override, grantStatus: status };
}

function overrideOf(reasons: Reason[], verdict: DecidedVerdict): Decision['override'] {
  if (verdict === 'allow' || verdict === 'audit') return { allowed: true, justification: 'none' };
  const strongest = reasons.filter((r) => r.verdict === verdict);
  if (strongest.some((r) => !r.override.allowed)) return { allowed: false, justification: 'none' };
  const asked = strongest.map((r) => (r.override.allowed ? r.override.justification : 'none'));
  if (asked.includes('required')) return { allowed: true, justification: 'required' };
  // A confirmation only (`none`) when no reason asks for words at all.
  return { allowed: true, justification: asked.includes('optional') ? 'optional' : 'none' };
}

function applyRollout(policy: Policy, decision: Decision): Decision {
  if (policy.rollout === 'audit' && decision.verdict === 'block') {
    return { ...decision, verdict: 'audit', wouldBe: 'block', override: { allowed: true, justification: 'none' } };
  }
  return decision;
}
