import { ACTIVATABLE, exportControlOf } from '../organizing/export-controls';
import { labelOf } from '../platforms/lookup';
import { createShareLinkControl } from '../platforms/nextcloud/adapter';
import { adapterFor } from '../platforms/registry';
import { activeSitePack, BUNDLED_SITES } from '../platforms/site-lookups';
import type { ComposeAdapter, OrganizingAdapter, PlatformAdapter, PublishAdapter } from '../platforms/types';

/** What one fallback of a lookup finds on the page. */
export interface FallbackReport {
  selector: string;
  matches: number;
  /** This DOM could not evaluate the selector (a browser may still). */
  error?: string;
}

export interface LookupReport {
  name: string;
  why: string;
  fallbacks: FallbackReport[];
  /** The first fallback that finds something: the one the adapter uses. */
  used?: number;
}

/**
 * Every lookup of `platform` in the site pack in force, run on `doc`, and what the platform's
 * adapter concludes from the page, in plain lines: what a maintainer needs to see which selector
 * a redesign broke, without the browser's developer tools.
 */
export function checkPage(doc: Document, platform: string): { lookups: LookupReport[]; conclusions: string[] } {
  const adapter = adapterFor(platform);
  if (!adapter) throw new Error(`no adapter for ${platform}`);
  const names = new Set([...Object.keys(BUNDLED_SITES.platforms[platform]?.lookups ?? {}), ...Object.keys(activeSitePack().platforms[platform]?.lookups ?? {})]);
  const lookups = [...names].map((name) => runLookup(doc, name, activeSitePack().platforms[platform]?.lookups[name] ?? BUNDLED_SITES.platforms[platform]!.lookups[name]!));
  return { lookups, conclusions: conclude(doc, adapter) };
}

function runLookup(doc: Document, name: string, chain: { why?: string; fallbacks: readonly string[] }): LookupReport {
  const fallbacks = chain.fallbacks.map((selector): FallbackReport => {
    try {
      return { selector, matches: doc.querySelectorAll(selector).length };
    } catch (error) {
      return { selector, matches: 0, error: error instanceof Error ? error.message : String(error) };
    }
  });
  const used = fallbacks.findIndex((f) => f.matches > 0);
  return { name, why: chain.why ?? '', fallbacks, ...(used >= 0 ? { used } : {}) };
}

function conclude(doc: Document, adapter: PlatformAdapter): string[] {
  if (adapter.compose) return composeConclusions(doc, adapter.compose);
  if (adapter.organizing) return organizingConclusions(doc, adapter.organizing);
  if (adapter.publish) return publishConclusions(doc, adapter.publish);
  if (adapter.platform === 'nextcloud') return shareLinkConclusions(doc);
  return [];
}

/** An element as a maintainer finds it again in the saved file: tag, id, classes, label. */
export function describe(el: Element | undefined): string {
  if (!el) return '—';
  const id = el.id ? `#${el.id}` : '';
  const classes = [...el.classList].slice(0, 3).map((c) => `.${c}`).join('');
  const label = labelOf(el).slice(0, 60);
  return `<${el.tagName.toLowerCase()}${id}${classes}>${label ? ` "${label}"` : ''}`;
}

function composeConclusions(doc: Document, compose: ComposeAdapter): string[] {
  const bodies = compose.bodies(doc);
  const lines = [`message bodies: ${bodies.length}`];
  bodies.slice(0, 5).forEach((body, i) => {
    const root = compose.composeOf(body);
    lines.push(`compose ${i + 1}: body ${describe(body)}`);
    if (!root) {
      lines.push('  not a message (no compose around it): the guard leaves it alone');
      return;
    }
    const send = compose.sendControl(root);
    lines.push(`  sender: ${compose.sender(root, doc) ?? 'unknown on this page (the policy decides: ask, assume a local-section account, or ignore)'}`);
    lines.push(`  subject: ${JSON.stringify(compose.subject(root))}`);
    lines.push(`  send control: ${send ? `${describe(send.element)} (sendButtons fallback ${send.fallback})` : 'none found: Send cannot be checked'}`);
    lines.push(`  send options: ${describe(compose.sendOptionsControl(root))}`);
    const slot = compose.signatureSlot(body);
    const where = slot.before ? `before ${describe(slot.before as Element)}` : 'at the end';
    lines.push(`  notice goes: ${slot.parent === body ? 'in the body' : `in ${describe(slot.parent as Element)}`}, ${where}`);
  });
  const markers = compose.composeMarkers(doc);
  const orphans = markers.filter((m) => compose.bodies(compose.markerScope(m)).length === 0);
  lines.push(`compose markers: ${markers.length}${orphans.length ? `, ${orphans.length} with no body found near them (the popup would say the platform is degraded)` : ''}`);
  lines.push(`schedule send item (menu open): ${describe(compose.scheduleItem(doc))}`);
  return lines;
}

function organizingConclusions(doc: Document, organizing: OrganizingAdapter): string[] {
  const controls = [...doc.querySelectorAll(ACTIVATABLE)].filter((el) => exportControlOf(el, organizing.exportSelectors) === el);
  const lines = [`export controls: ${controls.length}`];
  for (const el of controls) {
    const k = organizing.exportSelectors.findIndex((s) => el.matches(s));
    lines.push(`  ${describe(el)}: ${k >= 0 ? `exportControls fallback ${k}` : 'by its label or address'}`);
  }
  const step = organizing.emailStep;
  if (step) {
    const isSend = step.isSendStep(doc);
    lines.push(`email send step: ${isSend ? 'yes' : 'no'}`);
    if (isSend) {
      const view = step.read(doc);
      lines.push(`  wrapper: ${view.wrapper ?? 'none chosen or no chooser'} (offered: ${view.wrapperOptions.join(', ') || 'none'})`);
      lines.push(`  subject: ${JSON.stringify(view.subject)}; from: ${JSON.stringify(view.fromName)}`);
      const sends = [...doc.querySelectorAll(ACTIVATABLE)].filter((el) => step.sendControl(el) === el);
      lines.push(`  send controls: ${sends.map(describe).join(', ') || 'none found'}`);
    }
  }
  return lines;
}

function publishConclusions(doc: Document, publish: PublishAdapter): string[] {
  const controls = [...new Set([...doc.querySelectorAll(ACTIVATABLE)].map((el) => publish.publishControl(el)).filter((c): c is HTMLElement => c !== undefined))];
  const lines = [`publish controls: ${controls.length}`];
  for (const control of controls) {
    const account = publish.actingAccount(control, doc);
    lines.push(`  ${describe(control)}: publishes as ${account ? `"${account.name}" (account fallback ${account.fallback})` : 'unknown (cannot be read)'}`);
  }
  return lines;
}

function shareLinkConclusions(doc: Document): string[] {
  const found = [...doc.querySelectorAll(ACTIVATABLE)].map((el) => createShareLinkControl(el)).filter((f) => f !== undefined);
  const unique = [...new Map(found.map((f) => [f.element, f])).values()];
  return [`create-share-link controls: ${unique.length}`, ...unique.map((f) => `  ${describe(f.element)}: createShareLink fallback ${f.fallback}`)];
}

/** The report as printed by `vigie sites check`. */
export function formatReport(head: string, report: ReturnType<typeof checkPage>): string {
  const lines = [head, '', 'Lookups (the first fallback that finds something is the one used):'];
  for (const lookup of report.lookups) {
    lines.push(`  ${lookup.name}: ${lookup.used === undefined ? 'nothing matches on this page' : `fallback ${lookup.used}`} — ${lookup.why}`);
    lookup.fallbacks.forEach((f, i) => {
      const mark = i === lookup.used ? '→' : ' ';
      const count = f.error ? `cannot evaluate here (${f.error})` : `${f.matches} match${f.matches === 1 ? '' : 'es'}`;
      lines.push(`    ${mark} [${i}] ${count}: ${f.selector}`);
    });
  }
  lines.push('', 'What the adapter concludes:', ...report.conclusions.map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}
