import { all, ancestorWhere, emailIn, first, kindOfLabel, labelOf, namedControl } from '../lookup';
import { signatureSlot } from '../slot';
import type { ComposeAdapter, PlatformAdapter, SendControl, SendKind } from '../types';
import { mailboxInPath } from '../../webmail/mailbox';
import { OUTLOOK, OUTLOOK_ADDRESS_PARAMS, OUTLOOK_LABELS, OUTLOOK_MAILBOX_PATHS } from './selectors';

const KIND: Record<keyof typeof OUTLOOK_LABELS, SendKind> = { moreOptions: 'more-options', schedule: 'schedule', send: 'send' };
const SCOPES = OUTLOOK.composeScope.fallbacks.join(', ');
const WELLS = OUTLOOK.recipientWells.fallbacks.join(', ');
/** The exact-label and title fallbacks, cheap enough to try on each ancestor of a body. */
const QUICK_SEND = OUTLOOK.sendButtons.fallbacks.slice(0, 2).join(', ');

function kindOf(control: Element): SendKind | undefined {
  const kind = kindOfLabel(labelOf(control), OUTLOOK_LABELS);
  if (!kind) return undefined;
  const isMenuItem = control.getAttribute('role') === 'menuitem' || control.closest('[role="menu"]') !== null;
  return (kind === 'schedule') === isMenuItem ? KIND[kind] : undefined;
}

function isSend(el: Element): boolean {
  return kindOf(el) === 'send';
}

function isMessageEditor(el: HTMLElement): boolean {
  // The signature editor in Settings is also an ARIA textbox ("Signature, press Alt+F10 to exit"), and
  // a To/Cc/Bcc well can be a multi-line textbox: neither is a message body.
  if (/^signature\b/i.test(el.getAttribute('aria-label') ?? '') || el.closest(WELLS)) return false;
  return !el.parentElement?.closest('[contenteditable="true"]');
}

/** The signed-in address the page exposes (a link's login_hint, the account menu's line), if any. */
function signedIn(doc: Document): string | undefined {
  const found = first(doc, OUTLOOK.signedIn, (el) => addressIn(el) !== undefined)?.element;
  return found && addressIn(found);
}

function addressIn(el: Element): string | undefined {
  const href = el.getAttribute('href');
  if (!href) return emailIn(el.textContent);
  try {
    const params = new URL(href, el.baseURI).searchParams;
    return OUTLOOK_ADDRESS_PARAMS.map((p) => emailIn(params.get(p))).find(Boolean);
  } catch {
    return undefined;
  }
}

/** The quote of a reply: `#appendonsend`, else the `<hr>` Outlook puts before `#divRplyFwdMsg`. */
function quoteOf(body: HTMLElement): Element | undefined {
  const found = first(body, OUTLOOK.quote);
  if (!found || found.fallback === 0) return found?.element;
  const previous = found.element.previousElementSibling;
  return previous?.tagName === 'HR' ? previous : found.element;
}

/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com): the compose in
 * the reading pane (new, reply, forward) and the pop-out window. There is no compose form to
 * anchor on, so a compose is the nearest element holding both the body and a Send button.
 */
export const outlookCompose: ComposeAdapter = {
  bodies(root) {
    return all(root, OUTLOOK.body, isMessageEditor);
  },

  composeOf(body) {
    const holdsSend = (a: Element) => [...a.querySelectorAll(QUICK_SEND)].some(isSend);
    return (ancestorWhere(body, holdsSend, 30) ?? ancestorWhere(body, (a) => outlookCompose.sendControl(a) !== undefined, 30)) as HTMLElement | undefined;
  },

  composeMarkers(doc) {
    return all<Element>(doc, OUTLOOK.composeFields);
  },

  markerScope(marker) {
    // A body the adapter accepts, not any editable: the To well beside the marker is editable too.
    return ancestorWhere(marker, (a) => a.matches(SCOPES) || outlookCompose.bodies(a).length > 0, 20) ?? marker.parentElement ?? marker;
  },

  sendControl(compose) {
    return first<HTMLElement>(compose, OUTLOOK.sendButtons, isSend);
  },

  classify(target): SendControl | undefined {
    // An icon pressed inside a control may carry a role of its own: walk up to the labelled control.
    const control = namedControl<HTMLElement>(target, OUTLOOK.control, (c) => labelOf(c) !== '');
    const kind = control && kindOf(control);
    return control && kind ? { kind, element: control } : undefined;
  },

  sendOptionsControl(compose) {
    return first<HTMLElement>(compose, OUTLOOK.control, (el) => kindOf(el) === 'more-options')?.element;
  },

  scheduleItem(doc) {
    return first<HTMLElement>(doc, OUTLOOK.scheduleItem, (el) => el.getClientRects().length > 0 && kindOf(el) === 'schedule')?.element;
  },

  isSendShortcut(event) {
    // Ctrl/Cmd+Enter [V-weak: the French title "Envoyer (Ctrl+Entrée)"]; Alt+S [G: Outlook's shortcut
    // list], except on a Mac, where Option+S types a character.
    const modEnter = event.key === 'Enter' && (event.ctrlKey || event.metaKey);
    const altS = event.code === 'KeyS' && event.altKey && !event.ctrlKey && !event.metaKey && !/Mac/.test(navigator.platform);
    return modEnter || altS;
  },

  sender(compose, doc) {
    // In order of reliability: the From control when shown, a shared mailbox named in the address,
    // the account control or the title when they show an address, then what the page says about
    // the signed-in mailbox.
    const fromControl = first(compose, OUTLOOK.from, (el) => emailIn(labelOf(el)) !== undefined || emailIn(el.textContent) !== undefined)?.element;
    const from = fromControl && (emailIn(labelOf(fromControl)) ?? emailIn(fromControl.textContent));
    const accountControl = first(doc, OUTLOOK.account, (el) => emailIn(el.getAttribute('aria-label')) !== undefined)?.element;
    return (
      from ??
      mailboxInPath(doc.location?.pathname ?? '', OUTLOOK_MAILBOX_PATHS) ??
      emailIn(accountControl?.getAttribute('aria-label')) ??
      emailIn(doc.title) ??
      signedIn(doc)
    );
  },

  subject(compose) {
    return first<HTMLInputElement>(compose, OUTLOOK.subject)?.element.value ?? '';
  },

  signatureSlot(body) {
    return signatureSlot(body, first(body, OUTLOOK.siteSignature)?.element, quoteOf(body));
  },
};

export const outlookAdapter: PlatformAdapter = { platform: 'outlook', family: 'outlook', compose: outlookCompose };
