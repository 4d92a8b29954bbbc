/** A press this soon after the dialog appeared (or reappeared) was aimed at what was there before. */
export const MIN_SEEN_MS = 500;

/**
 * Whether the person can really see the dialog when they press one of its buttons. The top
 * layer and the host's `!important` styles already keep page CSS off it; this catches what is
 * left: a page element put in the top layer after it (a popover, another modal) that covers it
 * with a decoy while letting clicks through, or a press landing in the first instant after it
 * appeared. Chromium's IntersectionObserver v2 (`trackVisibility`) reports occlusion and visual
 * effects; where the browser lacks it, the dialog's own computed visibility is checked.
 */
export class VisibilityGate {
  private observer: IntersectionObserver | undefined;
  private visible = false;
  private visibleSince = Number.POSITIVE_INFINITY;
  private readonly tracks = typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

  constructor(private readonly target: HTMLElement) {}

  start(): void {
    if (!this.tracks) {
      this.visibleSince = performance.now();
      return;
    }
    const options = { trackVisibility: true, delay: 100, threshold: [0, 1] } as IntersectionObserverInit;
    this.observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1] as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
      const visible = entry?.isVisible === true;
      if (visible && !this.visible) this.visibleSince = performance.now();
      this.visible = visible;
    }, options);
    this.observer.observe(this.target);
  }

  /** True when a trusted press on the dialog now is the person's answer to what they see. */
  allows(): boolean {
    const seen = this.tracks ? this.visible : this.target.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) !== false;
    return seen && performance.now() - this.visibleSince >= MIN_SEEN_MS;
  }

  disconnect(): void {
    this.observer?.disconnect();
  }
}
