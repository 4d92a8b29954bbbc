import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { GuardSession } from '../guard/session';
import type { ComposeAdapter } from '../platforms/types';

/** Composes render in steps: judge one only after the page has been quiet this long. */
const SETTLE_MS = 1500;

/** The lookups a health report names (`lookup=<name>` in its detail, read back by the popup). */
export type Lookup = 'body' | 'compose' | 'sendButtons' | 'scheduleItem' | 'sender';

/** A problem as logged: the lookup that failed, by name, then what it means. */
export function lookupProblem(lookup: Lookup, what: string): string {
  return `lookup=${lookup}: ${what}`;
}

/**
 * Reports the platform degraded when a compose the adapter knows is open (its form, its subject
 * field) has no body or no Send control it can find, naming the lookup that failed; sender-unknown
 * when everything is found but the sending account; ok once all are found again. Reports only
 * changes, so a busy page does not flood the log.
 */
export class HealthMonitor {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: string | undefined;

  constructor(
    private readonly lifetime: ContentScriptContext,
    private readonly adapter: ComposeAdapter,
    private readonly session: GuardSession,
    private readonly platform: string,
  ) {
    lifetime.onInvalidated(() => clearTimeout(this.timer));
  }

  /** A compose appeared or went away: check again once the page settles. */
  changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.lifetime.isInvalid) this.check();
    }, SETTLE_MS);
  }

  /** Something the guard needed at the moment of a send was missing. */
  report(lookup: Lookup | undefined, problem: string): void {
    this.send('degraded', `${this.platform}: ${lookup ? lookupProblem(lookup, problem) : problem}`);
  }

  check(): void {
    const problems = new Set<string>();
    let senderUnknown = false;
    const markers = this.adapter.composeMarkers(document);
    for (const marker of markers) {
      const scope = this.adapter.markerScope(marker);
      const body = this.adapter.bodies(scope)[0];
      const root = body && this.adapter.composeOf(body);
      if (!body) problems.add(lookupProblem('body', 'a compose whose message body it cannot find'));
      else if (!root) problems.add(lookupProblem('compose', 'a message body outside any compose it knows'));
      else if (!this.adapter.sendControl(root)) problems.add(lookupProblem('sendButtons', 'a compose without a Send control it can find'));
      else if (!this.adapter.sender(root, document)) senderUnknown = true;
    }
    if (markers.length === 0) return;
    if (problems.size > 0) return this.send('degraded', `${this.platform}: ${[...problems].join('; ')}`);
    if (senderUnknown) return this.send('sender-unknown', `${this.platform}: ${lookupProblem('sender', 'no From shown, no mailbox in the address, no address on the account control or in the page')}`);
    this.send('ok', `${this.platform}: every compose found`);
  }

  private send(status: 'ok' | 'degraded' | 'sender-unknown', detail: string): void {
    const key = `${status} ${detail}`;
    if (key === this.last) return;
    this.last = key;
    void this.session.health(status, detail.slice(0, 300));
  }
}
