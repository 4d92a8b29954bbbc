import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hasEmailRules } from '../core/email-rules';
import { checkEmail, signatureBlock } from '../core/email/check-email';
import type { GuardContext } from '../guard/context-types';
import type { GuardSession } from '../guard/session';
import type { ComposeAdapter } from '../platforms/types';
import { newComposeState, type ComposeState } from './compose-state';
import { BLOCK_SELECTOR, insertHtml, isOurEdit, removeBlock } from './edit';
import type { HealthMonitor } from './health';
import type { MailboxAnswers } from './sender-answers';
import { senderScope } from './sender-scope';
import { checkContextOf, domainOf, sectionOf } from './scope';

/** How often the guard puts its block back after the page itself re-rendered a body, before giving up. */
const MAX_REINSERTS = 3;

/**
 * Knows every open compose and keeps its disclaimer signature right. One MutationObserver for the
 * page that only marks the page dirty; the work runs at most once per frame (and on demand when a
 * send needs it). Composes already open when the script starts are found by the first scan.
 */
export class ComposeTracker {
  private readonly states = new Map<HTMLElement, ComposeState>();
  private readonly observer = new MutationObserver(() => this.schedule());
  private dirty = true;
  private frameRequested = false;

  constructor(
    private readonly lifetime: ContentScriptContext,
    private readonly adapter: ComposeAdapter,
    private readonly session: GuardSession,
    private readonly health: HealthMonitor,
    private readonly answers: MailboxAnswers,
  ) {}

  start(): void {
    this.lifetime.onInvalidated(() => this.observer.disconnect());
    // SPA navigation (a thread opened, a pop-out) re-renders through the DOM too; this catches a route change that does not.
    this.lifetime.addEventListener(window, 'wxt:locationchange', () => this.schedule());
    this.lifetime.addEventListener(document, 'input', (event) => this.onInput(event), { capture: true });
    void this.session.ready().then(() => this.schedule());
    this.flush();
  }

  /** The compose a node (a Send control, a focused field) belongs to, after bringing the list up to date. */
  stateFor(node: Node): ComposeState | undefined {
    if (this.dirty) this.flush();
    for (const state of this.states.values()) if (state.root.contains(node)) return state;
    return undefined;
  }

  /** The one open compose, when there is exactly one. */
  onlyCompose(): ComposeState | undefined {
    if (this.dirty) this.flush();
    return this.states.size === 1 ? [...this.states.values()][0] : undefined;
  }

  /** Judges one compose again now (the person just said what its mailbox sends from). */
  refresh(state: ComposeState): void {
    const ctx = this.session.current;
    if (ctx && state.body.isConnected) this.reconcile(state, ctx);
  }

  /** Inserts a fresh block (the dialog's fix): replaces an altered one, even one the person had removed. */
  insertNotice(state: ComposeState, ctx: GuardContext): void {
    state.body.querySelectorAll(BLOCK_SELECTOR).forEach((block) => removeBlock(state.body, block));
    state.userRemoved = false;
    this.insert(state, ctx);
  }

  /**
   * The first mutation of a frame marks the page dirty and stops observing until the frame's scan:
   * the scan looks at the whole page anyway, so the mutations in between need no records, and a
   * page that changes all the time pays for one callback a frame, not one per change.
   */
  private schedule(): void {
    this.dirty = true;
    this.observer.disconnect();
    if (this.frameRequested) return;
    this.frameRequested = true;
    // Not ctx.requestAnimationFrame: it adds an abort listener per call, which a busy page would pile up.
    requestAnimationFrame(() => {
      this.frameRequested = false;
      if (this.dirty && !this.lifetime.signal.aborted) this.flush();
    });
  }

  private flush(): void {
    this.dirty = false;
    if (!this.lifetime.signal.aborted) this.observer.observe(document.documentElement, { childList: true, subtree: true });
    for (const body of this.adapter.bodies(document)) {
      if (this.states.has(body)) continue;
      const root = this.adapter.composeOf(body);
      if (!root) continue;
      this.states.set(body, newComposeState(body, root));
      this.health.changed();
    }
    const ctx = this.session.current;
    for (const [body, state] of this.states) {
      if (!body.isConnected) {
        this.states.delete(body);
        this.health.changed();
      } else if (ctx) {
        this.reconcile(state, ctx);
      }
    }
  }

  /** Puts the block in, takes it out or leaves it, from the sender and what happened to the body. */
  private reconcile(state: ComposeState, ctx: GuardContext): void {
    const sender = this.adapter.sender(state.root, document);
    const answer = this.answers.current();
    if (sender !== state.sender || ctx !== state.checkedWith || answer !== state.answer) {
      state.sender = sender;
      state.checkedWith = ctx;
      state.answer = answer;
      // An unreadable sender is settled by the policy: the person's answer, assume-local, ignore, or ask at the first send.
      const scope = senderScope(sender, ctx, answer);
      if (scope.how !== state.how && scope.how !== 'read' && hasEmailRules(ctx.policy)) {
        void this.session.log({ surface: 'send', action: 'sender-unknown', detail: scope.how });
      }
      state.how = scope.how;
      state.inScope = scope.inScope;
    }
    if (state.inScope === undefined) return;
    // The common case on a busy page: our block still where it was, nothing to look up.
    const kept = state.block?.isConnected && state.body.contains(state.block) ? state.block : undefined;
    const block = kept ?? state.body.querySelector(BLOCK_SELECTOR) ?? undefined;
    if (!state.inScope) {
      if (block) {
        removeBlock(state.body, block);
        void this.session.log({ surface: 'send', action: 'removed', senderDomain: domainOf(sender) });
      }
      state.block = undefined;
      return;
    }
    if (block) {
      state.block = block;
      return;
    }
    if (state.block) {
      // Our block is gone: the person deleted or undid it (respected), or the page re-rendered the body.
      state.block = undefined;
      if (state.edited || state.reinserts >= MAX_REINSERTS) state.userRemoved = true;
      else state.reinserts += 1;
    }
    if (state.userRemoved || state.hadNotice) return;
    if (this.noticePresent(state, ctx, sender)) {
      state.hadNotice = true;
      return;
    }
    this.insert(state, ctx);
  }

  private noticePresent(state: ComposeState, ctx: GuardContext, sender: string | undefined): boolean {
    const input = { from: sender ?? '', subject: '', body: state.body.innerHTML, format: 'html' as const };
    // Only asked of a compose in scope: an unreadable sender the person or the policy called local is checked as one.
    return !checkEmail(input, ctx.policy, { ...checkContextOf(ctx), everySenderInScope: true }).findings.some((f) => f.rule.startsWith('notice-'));
  }

  private insert(state: ComposeState, ctx: GuardContext): void {
    if (!hasEmailRules(ctx.policy)) return;
    const { html } = signatureBlock(ctx.policy, sectionOf(ctx));
    state.block = insertHtml(state.body, this.adapter.signatureSlot(state.body), html);
    state.edited = false;
    void this.session.log({ surface: 'send', action: 'inserted', senderDomain: domainOf(state.sender) });
  }

  private onInput(event: Event): void {
    if (isOurEdit() || !event.isTrusted || !(event.target instanceof Node)) return;
    for (const state of this.states.values()) if (state.body.contains(event.target)) state.edited = true;
  }
}
