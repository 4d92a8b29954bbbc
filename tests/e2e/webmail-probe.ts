/**
 * Bundled (by webmail-adapters.test.mjs, with Vite) and injected into fixture pages, so the adapter
 * tests run the real adapters and selector chains in Chromium: this repository has no DOM library
 * for Node. Exposes `window.VigieProbe`.
 */
import { gmailAdapter } from '../../lib/platforms/gmail/adapter';
import { GMAIL } from '../../lib/platforms/gmail/selectors';
import type { SelectorChain } from '../../lib/platforms/lookup';
import { outlookAdapter } from '../../lib/platforms/outlook/adapter';
import { OUTLOOK } from '../../lib/platforms/outlook/selectors';
import type { ComposeAdapter, PlatformAdapter } from '../../lib/platforms/types';

const PLATFORMS: Record<string, { adapter: PlatformAdapter; chains: Record<string, SelectorChain> }> = {
  gmail: { adapter: gmailAdapter, chains: GMAIL },
  outlook: { adapter: outlookAdapter, chains: OUTLOOK },
};

function composeOf(platform: string): ComposeAdapter {
  return PLATFORMS[platform]!.adapter.compose!;
}

/** For every selector chain, how many elements each fallback matches in the page. */
export function counts(platform: string): Record<string, number[]> {
  const chains = PLATFORMS[platform]!.chains;
  return Object.fromEntries(Object.entries(chains).map(([name, chain]) => [name, chain.fallbacks.map((s) => document.querySelectorAll(s).length)]));
}

function nodeName(node: Node | null): string | null {
  if (!node) return null;
  if (!(node instanceof Element)) return node.nodeName;
  return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`;
}

/** What the adapter makes of every compose in the page. */
export function composes(platform: string) {
  const adapter = composeOf(platform);
  return adapter.bodies(document).map((body) => {
    const root = adapter.composeOf(body);
    const send = root && adapter.sendControl(root);
    const slot = adapter.signatureSlot(body);
    const controls = root ? [...root.querySelectorAll('[role="button"], button')].map((el) => adapter.classify(el)?.kind).filter(Boolean) : [];
    return {
      root: root ? nodeName(root) : null,
      send: send ? { fallback: send.fallback, text: send.element.textContent?.trim() } : null,
      sender: root ? adapter.sender(root, document) ?? null : null,
      subject: root ? adapter.subject(root) : null,
      options: root ? Boolean(adapter.sendOptionsControl(root)) : false,
      slot: { parent: nodeName(slot.parent), before: nodeName(slot.before), after: nodeName(slot.before ? slot.before.previousSibling : slot.parent.lastChild) },
      controls,
    };
  });
}

export function markers(platform: string) {
  const adapter = composeOf(platform);
  return adapter.composeMarkers(document).map((m) => nodeName(adapter.markerScope(m)));
}

export function schedule(platform: string) {
  return nodeName(composeOf(platform).scheduleItem(document) ?? null);
}

export function classify(platform: string, selector: string) {
  const el = document.querySelector(selector);
  return el ? composeOf(platform).classify(el)?.kind ?? null : 'no element';
}

/** The bodies the adapter finds, and whether each is the one the fixture marks as its real body. */
export function bodies(platform: string, marked = '[data-fixture-body], [g_editable]') {
  return composeOf(platform).bodies(document).map((b) => b.matches(marked));
}
