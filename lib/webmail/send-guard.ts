import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Decision } from '../core/decide';
import { showGuardDialog } from '../guard/dialog';
import type { GuardSession } from '../guard/session';
import type { ComposeAdapter, SendControl } from '../platforms/types';
import type { ComposeState } from './compose-state';
import { insertOpeningLine } from './edit';
import type { HealthMonitor } from './health';
import { isReplaying, pressLikeAPerson, pressSendShortcut } from './replay';
import { checkFields, checkSend, type SendCheck } from './send-check';
import { FIX_ALL, FIX_NOTICE, FIX_OPENING, sendDialogSpec } from './send-dialog';
import type { MailboxAnswers } from './sender-answers';
import { askSender } from './sender-question';
import type { ComposeTracker } from './tracker';

const POINTER_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'] as const;
/** Events of one press of a control arrive within this time; later ones start a new press. */
const GESTURE_MS = 2000;

type Via = 'pointer' | 'key' | 'shortcut';

interface Gesture {
  element: Element;
  time: number;
  seen: Set<string>;
  check?: SendCheck;
  stop: boolean;
}

/**
 * Stops a send that breaks the policy, on every way to send: the Send (and Send & Archive)
 * control pressed with a pointer or Enter/Space, Ctrl/Cmd+Enter in the compose, and Schedule send
 * in the send-options menu. Listens in the capture phase on window, so it runs before any page
 * listener. A compliant send is decided synchronously and its events pass untouched; a stopped
 * one is sent again only after the person's (trusted) choice in the dialog.
 */
export class SendGuard {
  private gesture: Gesture | undefined;
  /** The compose whose send-options menu was opened last: Schedule send renders outside any compose. */
  private menuCompose: ComposeState | undefined;
  private suppressedKey: string | undefined;
  private lastChecked = -Infinity;

  constructor(
    private readonly lifetime: ContentScriptContext,
    private readonly adapter: ComposeAdapter,
    private readonly tracker: ComposeTracker,
    private readonly session: GuardSession,
    private readonly health: HealthMonitor,
    private readonly answers: MailboxAnswers,
  ) {}

  start(): void {
    const capture = { capture: true };
    for (const type of POINTER_EVENTS) this.lifetime.addEventListener(window, type, (e: Event) => this.onPointer(e as MouseEvent), capture);
    this.lifetime.addEventListener(window, 'keydown', (e: KeyboardEvent) => this.onKeydown(e), capture);
    this.lifetime.addEventListener(window, 'keypress', (e: KeyboardEvent) => this.onKeyFollow(e), capture);
    this.lifetime.addEventListener(window, 'keyup', (e: KeyboardEvent) => this.onKeyFollow(e), capture);
  }

  private onPointer(event: MouseEvent): void {
    if (isReplaying() || event.button !== 0) return;
    const control = this.controlAt(event);
    if (!control) return;
    if (control.kind === 'more-options') {
      this.menuCompose = this.tracker.stateFor(control.element) ?? this.menuCompose;
      return;
    }
    const state = this.composeOf(control, control.element);
    if (!state) return;
    const gesture = this.gestureFor(event, control.element, state);
    if (event.type === 'click') this.gesture = undefined;
    if (!gesture.stop) return;
    halt(event);
    if (event.type === 'click') void this.ask(state, control, 'pointer', gesture.check);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (isReplaying() || event.isComposing || event.keyCode === 229) return;
    const target = targetOf(event);
    if (!target) return;
    let control: SendControl | undefined;
    let via: Via;
    if (this.adapter.isSendShortcut(event)) {
      via = 'shortcut';
    } else if ((event.key === 'Enter' || event.key === ' ') && !event.ctrlKey && !event.metaKey && !event.altKey) {
      control = this.adapter.classify(target);
      if (!control || control.kind === 'more-options') return;
      via = 'key';
    } else {
      return;
    }
    const state = this.composeOf(control, target);
    if (!state) return;
    const check = state.pending ? undefined : this.check(state);
    if (check?.outcome === 'pass' && !state.pending) {
      if (check.result.inScope) this.log('checked', check);
      return;
    }
    halt(event);
    this.suppressedKey = event.key;
    void this.ask(state, control, via, check);
  }

  /** The keypress and keyup of a stopped key press go nowhere (a Space keyup would press the dialog's button). */
  private onKeyFollow(event: KeyboardEvent): void {
    if (isReplaying() || event.key !== this.suppressedKey) return;
    halt(event);
    if (event.type === 'keyup') this.suppressedKey = undefined;
  }

  private controlAt(event: Event): SendControl | undefined {
    const target = targetOf(event);
    return target ? this.adapter.classify(target) : undefined;
  }

  private composeOf(control: SendControl | undefined, node: Node): ComposeState | undefined {
    if (control?.kind === 'schedule') return this.menuCompose?.body.isConnected ? this.menuCompose : this.tracker.onlyCompose();
    return this.tracker.stateFor(node);
  }

  private check(state: ComposeState): SendCheck | undefined {
    return checkSend(state, this.adapter, this.session, this.answers);
  }

  /** One press is pointerdown…click on one control: decided once, at its first event. */
  private gestureFor(event: Event, element: Element, state: ComposeState): Gesture {
    let g = this.gesture;
    if (!g || g.element !== element || event.timeStamp - g.time > GESTURE_MS || g.seen.has(event.type)) {
      const check = state.pending ? undefined : this.check(state);
      g = this.gesture = { element, time: event.timeStamp, seen: new Set(), check, stop: state.pending || check?.outcome !== 'pass' };
      // Logged when decided: Gmail sends on mouseup and removes the compose, so a click may never come.
      if (!g.stop && check?.result.inScope) this.log('checked', check);
    }
    g.seen.add(event.type);
    return g;
  }

  /** Shows the dialog until the person cancels, overrides or a fix makes the message pass; then sends. */
  private async ask(state: ComposeState, control: SendControl | undefined, via: Via, first?: SendCheck): Promise<void> {
    if (state.pending) return;
    state.pending = true;
    try {
      let check = first ?? this.check(state);
      if (!check) {
        await this.session.ready();
        check = this.check(state);
      }
      if (check?.outcome === 'ask') {
        // The page does not say who sends: ask once for this mailbox, then judge the message with the answer.
        const answer = await askSender(check.ctx, this.lifetime.signal);
        if (this.lifetime.isInvalid) return;
        if (!answer) return void this.session.log({ surface: 'send', action: 'cancelled', detail: 'sender-question' });
        await this.answers.remember(answer);
        void this.session.log({ surface: 'send', action: 'sender-answered', detail: answer });
        this.tracker.refresh(state);
        check = this.check(state);
      }
      let fixed: string | undefined;
      for (let round = 0; round < 4 && check; round++) {
        if (check.outcome === 'pass' || !check.decision) {
          if (!fixed && check.result.inScope) this.log('checked', check);
          return this.replay(state, control, via);
        }
        this.log('blocked', check);
        const choice = await showGuardDialog(sendDialogSpec(check as SendCheck & { decision: Decision }), this.lifetime.signal);
        if (this.lifetime.isInvalid) return;
        if (choice.choice === 'cancel') return this.log('cancelled', check);
        if (choice.choice === 'override') {
          this.log('overridden', check, { justification: choice.justification || undefined });
          return this.replay(state, control, via);
        }
        fixed = choice.id;
        if (choice.id === FIX_NOTICE || choice.id === FIX_ALL) this.tracker.insertNotice(state, check.ctx);
        if ((choice.id === FIX_OPENING || choice.id === FIX_ALL) && choice.value?.trim()) insertOpeningLine(state.body, choice.value.trim());
        this.log('fixed', check, { detail: choice.id });
        check = this.check(state);
      }
      // No policy reached the page (the background cannot be reached): say so rather than pass silently.
      if (!check) {
        this.health.report(undefined, 'no policy from the background at send time');
        this.replay(state, control, via);
      }
    } finally {
      state.pending = false;
    }
  }

  private replay(state: ComposeState, control: SendControl | undefined, via: Via): void {
    if (control?.kind === 'schedule') return void this.replaySchedule(state, control.element);
    const element = control?.element.isConnected ? control.element : this.adapter.sendControl(state.root)?.element;
    if (element) return pressLikeAPerson(element);
    if (via === 'shortcut') return pressSendShortcut(state.body);
    this.health.report('sendButtons', 'no Send control to send the message with');
  }

  /** The menu closed while the dialog was open: open it again from the compose, then press Schedule send. */
  private async replaySchedule(state: ComposeState, item: HTMLElement): Promise<void> {
    if (item.isConnected && item.getClientRects().length > 0) return pressLikeAPerson(item);
    const options = this.adapter.sendOptionsControl(state.root);
    if (options) pressLikeAPerson(options);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const again = this.adapter.scheduleItem(document);
    if (again) pressLikeAPerson(again);
    else this.health.report('scheduleItem', 'no Schedule send item to schedule the message with');
  }

  private log(action: string, check: SendCheck, extra: { justification?: string; detail?: string } = {}): void {
    // A key press on a native button is followed by its click: one send, one "checked".
    if (action === 'checked' && performance.now() - this.lastChecked < GESTURE_MS) return;
    if (action === 'checked') this.lastChecked = performance.now();
    void this.session.log({ surface: 'send', action, ...checkFields(check), ...extra });
  }
}

function targetOf(event: Event): Element | undefined {
  const first = event.composedPath()[0] ?? event.target;
  return first instanceof Element ? first : undefined;
}

function halt(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}
