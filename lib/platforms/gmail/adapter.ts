import { all, ancestorWhere, closest, emailIn, first, kindOfLabel, labelOf, namedControl } from '../lookup';
import { signatureSlot } from '../slot';
import type { ComposeAdapter, PlatformAdapter, SendControl, SendKind } from '../types';
import { GMAIL, GMAIL_LABELS, GMAIL_SELECTOR_KINDS } from './selectors';

const KIND: Record<keyof typeof GMAIL_LABELS, SendKind> = {
  moreOptions: 'more-options',
  sendArchive: 'send-archive',
  schedule: 'schedule',
  send: 'send',
};

const FIELDS = GMAIL.composeFields.fallbacks.join(', ');
const ROOTS = GMAIL.composeRoot.fallbacks.join(', ');

function kindOf(control: Element): SendKind | undefined {
  // Gmail's own selector= attribute first: it does not depend on the language.
  const own = control.getAttribute('selector');
  if (own && Object.hasOwn(GMAIL_SELECTOR_KINDS, own)) return GMAIL_SELECTOR_KINDS[own as keyof typeof GMAIL_SELECTOR_KINDS];
  const kind = kindOfLabel(labelOf(control), GMAIL_LABELS);
  if (!kind) return undefined;
  // Schedule send only ever is a menu item; a toolbar button called "Send…" is not.
  const isMenuItem = control.getAttribute('role') === 'menuitem';
  if ((kind === 'schedule') !== isMenuItem) return undefined;
  return KIND[kind];
}

/** A control that says what it is: a label, a tooltip, text, or Gmail's selector= attribute. */
function isNamed(control: Element): boolean {
  return control.hasAttribute('selector') || labelOf(control) !== '';
}

function visible(el: Element): boolean {
  return el.getClientRects().length > 0;
}

/**
 * Gmail (mail.google.com): pop-up and full-screen composes, inline replies and forwards, and the
 * standalone compose window all share the same compose structure (a form of named inputs beside
 * a g_editable body and a toolbar), so one set of lookups serves them all.
 */
export const gmailCompose: ComposeAdapter = {
  bodies(root) {
    // A body nested in another editable is part of that message, not a compose of its own.
    return all(root, GMAIL.body, (el) => !el.parentElement?.closest('[contenteditable="true"]'));
  },

  composeOf(body) {
    return (ancestorWhere(body, (a) => a.querySelector(FIELDS) !== null, 25) ?? closest(body, GMAIL.composeRoot)?.element) as HTMLElement | undefined;
  },

  composeMarkers(doc) {
    return all<Element>(doc, GMAIL.composeFields);
  },

  markerScope(marker) {
    return marker.closest(ROOTS) ?? marker.parentElement?.parentElement ?? marker;
  },

  sendControl(compose) {
    return first<HTMLElement>(compose, GMAIL.sendButtons, (el) => kindOf(el) === 'send');
  },

  classify(target): SendControl | undefined {
    // An icon or image pressed inside a control may carry a role of its own: walk up to the named control.
    const control = namedControl<HTMLElement>(target, GMAIL.control, isNamed);
    const kind = control && kindOf(control);
    return control && kind ? { kind, element: control } : undefined;
  },

  sendOptionsControl(compose) {
    return first<HTMLElement>(compose, GMAIL.control, (el) => kindOf(el) === 'more-options')?.element;
  },

  scheduleItem(doc) {
    return first<HTMLElement>(doc, GMAIL.scheduleItem, (el) => visible(el) && kindOf(el) === 'schedule')?.element;
  },

  isSendShortcut(event) {
    return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
  },

  sender(compose, doc) {
    const from = first<HTMLInputElement>(compose, GMAIL.from)?.element.value;
    const account = () => emailIn(doc.title) ?? emailIn(first(doc, GMAIL.account, (el) => emailIn(el.getAttribute('aria-label')) !== undefined)?.element.getAttribute('aria-label'));
    return emailIn(from) ?? account();
  },

  subject(compose) {
    return first<HTMLInputElement>(compose, GMAIL.subject)?.element.value ?? '';
  },

  signatureSlot(body) {
    return signatureSlot(body, first(body, GMAIL.siteSignature)?.element, first(body, GMAIL.quote)?.element);
  },
};

export const gmailAdapter: PlatformAdapter = { platform: 'gmail', family: 'gmail', compose: gmailCompose };
