import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { GuardSession } from '../guard/session';
import type { ComposeAdapter } from '../platforms/types';

/** Composes render in steps: judge one only after the page has been quiet this long. */
const SETTLE_MS = 1500;

/**
 * Reports the platform degraded when a compose the adapter knows is open (its form, its subject
 * field) has no body or no Send control it can find, or no sender it can read, and ok once all
 * are found again. Reports only changes, so a busy page does not flood the log.
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
  report(problem: string): void {
    this.send('degraded', `${this.platform}: ${problem}`);
  }

  check(): void {
    const problems = new Set<string>();
    const markers = this.adapter.composeMarkers(document);
    for (const marker of markers) {
      const scope = this.adapter.markerScope(marker);
      const body = this.adapter.bodies(scope)[0];
      const root = body && this.adapter.composeOf(body);
      if (!body) problems.add('compose without a body it can find');
      else if (!root || !this.adapter.sendControl(root)) problems.add('compose without a Send control it can find');
      else if (!this.adapter.sender(root, document)) problems.add('compose whose sender it cannot read');
    }
    if (markers.length === 0) return;
    this.send(problems.size ? 'degraded' : 'ok', `${this.platform}: ${problems.size ? [...problems].join('; ') : 'every compose found'}`);
  }

  private send(status: 'ok' | 'degraded', detail: string): void {
    const key = `${status} ${detail}`;
    if (key === this.last) return;
    this.last = key;
    void this.session.health(status, detail);
  }
}
