import type { PlatformFamily } from '../messaging/protocol';

/**
 * The one adapter interface: what Vigie needs to know about a site's pages to guard them. Each
 * platform folder (lib/platforms/<name>/) implements it behind its own selectors file; the guards
 * (lib/webmail/, …) only ever talk to this interface, so adding a platform touches no other one.
 * Every lookup that may fail returns `undefined` (or an empty list) and says which fallback
 * matched, so a guard can report the platform as degraded instead of passing silently.
 */
export interface PlatformAdapter {
  /** The policy's platform id (`policy.platforms[].id`): `gmail`, `outlook`, … */
  readonly platform: string;
  /** The content-script family that runs this adapter (one per manifest entry). */
  readonly family: PlatformFamily;
  /** Present when the platform has compose windows whose sends must be checked (webmail). */
  readonly compose?: ComposeAdapter;
  /** Present on organizing platforms (Action Network, Action Builder): exports and email steps. */
  readonly organizing?: OrganizingAdapter;
  /** Present on social networks: the composer's publish control and the account it speaks as. */
  readonly publish?: PublishAdapter;
}

/**
 * What a social-network adapter knows about its composer. The guard asks for a confirmation only
 * when the account read here is one the policy lists as the organisation's official account.
 */
export interface PublishAdapter {
  /** The composer's Post/Publish/Tweet/Share control under an event's target (French or English), if any. */
  publishControl(target: Element): HTMLElement | undefined;
  /** The account or page the composer holding `control` publishes as, by its visible name; `undefined` when unreadable. */
  actingAccount(control: HTMLElement, doc: Document): Found<HTMLElement> & { name: string } | undefined;
}

/**
 * What an organizing-platform adapter knows. Export controls are recognised by label and URL in
 * lib/organizing/export-controls.ts for every platform; an adapter adds only its site's own ids.
 */
export interface OrganizingAdapter {
  /** CSS selectors of the site's export/download controls that label and URL do not reveal. */
  readonly exportSelectors: readonly string[];
  /** Present where mass emails are sent from a preview step with a wrapper chooser (Action Network). */
  readonly emailStep?: EmailStepAdapter;
}

/** What the guard reads on a mass-email preview/send step, as shown to the person. */
export interface EmailStepView {
  /** The wrapper (template) chosen, by its visible name; `undefined` when no chooser was found. */
  wrapper?: string;
  /** Every wrapper the chooser offers, by visible name. */
  wrapperOptions: string[];
  /** The rendered preview (wrapper included where the site renders it), as HTML. */
  previewHtml: string;
  subject: string;
  /** The From name shown to recipients ("Section locale 70 – Ottawa"). */
  fromName: string;
}

export interface EmailStepAdapter {
  /** The Send or Schedule control under an event's target (not "Send test"), French or English. */
  sendControl(target: Element): HTMLElement | undefined;
  /** Whether the page is the step that sends: a wrapper chooser or a rendered preview is present. */
  isSendStep(doc: Document): boolean;
  read(doc: Document): EmailStepView;
  /** Selects a wrapper by visible name the way a person would (fires the page's change events). */
  chooseWrapper(doc: Document, name: string): boolean;
}

/** An element a selector chain found, and which entry of the chain matched (0 = the preferred one). */
export interface Found<T extends Element = Element> {
  element: T;
  fallback: number;
}

/**
 * The ways to send that a guard intercepts. `more-options` is not a send: it opens the menu that
 * holds Schedule send, which renders outside the compose, so the guard remembers which compose
 * opened it.
 */
export type SendKind = 'send' | 'send-archive' | 'schedule' | 'more-options';

export interface SendControl {
  kind: SendKind;
  /** The control itself (the button or menu item), not the inner node the pointer hit. */
  element: HTMLElement;
}

/** Where to insert a node: before `before` in `parent` (`null`: at the end of `parent`). */
export interface Slot {
  parent: Node;
  before: Node | null;
}

/** What a webmail adapter knows about the compose windows of its site. */
export interface ComposeAdapter {
  /** Every compose body in `root` (the element the person writes in), each once. */
  bodies(root: ParentNode): HTMLElement[];
  /**
   * The compose that holds `body`: the element that also holds its subject, From and Send
   * control. `undefined` when `body` is an editor that is not a message (a signature editor).
   */
  composeOf(body: HTMLElement): HTMLElement | undefined;
  /**
   * Elements that prove a compose is open even if its body or Send control cannot be found (a
   * subject field, a compose form): the guard reports the platform degraded when one of these has
   * no body or no Send control near it.
   */
  composeMarkers(doc: Document): Element[];
  /** The element a marker belongs to, searched for a body and a Send control in health checks. */
  markerScope(marker: Element): Element;
  /** The compose's Send control (not Send & Archive, not the options menu). */
  sendControl(compose: Element): Found<HTMLElement> | undefined;
  /**
   * What the control under an event's target is, judged from its role and label (French and
   * English, invisible bidi marks removed), or `undefined` when it is none of the send controls.
   */
  classify(target: Element): SendControl | undefined;
  /** The control that opens the send-options menu (the one holding Schedule send), if the compose has one. */
  sendOptionsControl(compose: Element): HTMLElement | undefined;
  /** The Schedule send item of the send-options menu, if the menu is open. */
  scheduleItem(doc: Document): HTMLElement | undefined;
  /** Whether a key press inside a compose sends it (Ctrl/Cmd+Enter, …). IME composition is the guard's concern. */
  isSendShortcut(event: KeyboardEvent): boolean;
  /**
   * The sending address: the From field when the site shows one, else the signed-in account;
   * `undefined` when neither can be read (the guard reports it).
   */
  sender(compose: Element, doc: Document): string | undefined;
  /** The subject as typed (a reply's hidden "Re: …" when the site does not show the field). */
  subject(compose: Element): string;
  /**
   * Where the disclaimer signature goes in a body: after the site's own signature (next to it,
   * never inside), above the quoted thread of a reply or forward, else at the end.
   */
  signatureSlot(body: HTMLElement): Slot;
}
