import type { Decision } from '../core/decide';
import type { GuardContext } from '../guard/context-types';
import { decide } from '../core/decide';
import { ORGANIZING_STRINGS } from './strings';

const CSS = `
  :host { all: initial; display: block !important; position: relative !important; z-index: 2147483646 !important; }
  .banner { box-sizing: border-box; width: 100%; padding: 10px 16px; background: #8a1c1c; color: #fff;
    font: 14px/1.45 system-ui, sans-serif; border-bottom: 3px solid #4d0d0d; }
  strong { display: block; font-size: 15px; }
  p { margin: 2px 0 0; }
  p[lang=en] { opacity: .92; }
`;

/** The access problem a context has for exports on its platform, if any (missing, expired, revoked grant…). */
export function accessProblem(ctx: GuardContext, now = new Date()): Decision['reasons'][number] | undefined {
  const decision = decide({ surface: 'download', platform: ctx.platform }, ctx.policy, ctx.grant, now);
  return decision.reasons.find((r) => r.ruleId.startsWith('grant-') || r.ruleId === 'platform-not-granted');
}

/**
 * The non-dismissable banner shown on an organizing platform while the grant does not allow
 * exports (missing, expired, not yet valid, revoked, or not covering this platform): why, and whom
 * to contact, in French and English. It has no close button and comes back if the page removes
 * it; it goes away by itself when a valid grant arrives.
 */
export class AccessBanner {
  private host: HTMLElement | undefined;
  /** Only the two child lists the banner lives in are watched: page updates elsewhere cost nothing. */
  private observedBody: HTMLElement | undefined;
  private readonly observer = new MutationObserver(() => this.reattach());

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.hide(), { once: true });
  }

  /** Shows, updates or hides the banner for the context now held. */
  update(ctx: GuardContext | undefined): void {
    const problem = ctx && accessProblem(ctx);
    if (!problem || this.signal.aborted) return this.hide();
    const host = document.createElement('vigie-access-banner');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    const banner = document.createElement('div');
    banner.className = 'banner';
    banner.setAttribute('role', 'alert');
    for (const lang of ['fr', 'en'] as const) {
      const part = document.createElement('p');
      part.lang = lang;
      const title = document.createElement('strong');
      title.textContent = ORGANIZING_STRINGS.accessBannerTitle[lang];
      part.append(title, problem.message[lang]);
      banner.append(part);
    }
    root.append(style, banner);
    this.hide();
    this.host = host;
    this.observer.observe(document.documentElement, { childList: true });
    this.reattach();
  }

  private reattach(): void {
    const host = this.host;
    const body = document.body;
    if (!host || !body) return;
    if (body !== this.observedBody) {
      this.observedBody = body;
      this.observer.observe(body, { childList: true });
    }
    if (body.firstElementChild !== host) body.prepend(host);
  }

  private hide(): void {
    this.observer.disconnect();
    this.observedBody = undefined;
    this.host?.remove();
    this.host = undefined;
  }
}
