/**
 * A control the guard stops and may later press again for the person: listens on `window` in the
 * capture phase (before the page's own listeners) for clicks and for Enter/Space, and replays a
 * click on the same control without catching it again. Everything ends with `signal`.
 */
export interface GuardedActivation {
  /** Presses the control again after the person's choice; a control gone from the page is left alone. */
  replay(control: HTMLElement): void;
}

export function guardActivations(onActivate: (event: Event, target: Element) => void, signal: AbortSignal): GuardedActivation {
  let replaying: HTMLElement | undefined;
  const handle = (event: Event): void => {
    if (!(event.target instanceof Element)) return;
    if (replaying && (event.target === replaying || replaying.contains(event.target))) return;
    onActivate(event, event.target);
  };
  const options = { capture: true, signal };
  window.addEventListener('click', handle, options);
  window.addEventListener('keydown', (event) => {
    if (!event.isComposing && (event.key === 'Enter' || event.key === ' ')) handle(event);
  }, options);
  return {
    replay(control) {
      if (!control.isConnected) return;
      replaying = control;
      try {
        control.click();
      } finally {
        replaying = undefined;
      }
    },
  };
}
