import type { Lang } from '../core/lang';
import { DIALOG_CSS } from './dialog-style';
import type { DialogResult, DialogSpec } from './dialog-spec';
import { renderView, type View, type ViewHost } from './dialog-views';
import { VisibilityGate } from './dialog-visibility';

export * from './dialog-spec';

/**
 * Shows the guard's dialog and resolves with the person's choice. It is a real modal: a
 * `<dialog>` opened with `showModal()` inside a closed shadow root, so it sits in the browser's top
 * layer (no page z-index covers it, the page behind is inert), the page can neither read nor press
 * it, and the host's own `!important` styles outrank the page's (the shadow tree wins for
 * important declarations). Only trusted events count, and only while the dialog is really seen
 * (VisibilityGate): a page that hides it or lays a decoy over it cannot click-jack an override.
 * Focus stays inside (Tab and Shift+Tab cycle), Escape always cancels, and focus goes back to
 * where it was. Page text is only ever set as text.
 */
export function showGuardDialog(spec: DialogSpec, signal?: AbortSignal): Promise<DialogResult> {
  return new Promise((resolve) => {
    const host = document.createElement('vigie-dialog');
    const root = host.attachShadow({ mode: 'closed' });
    const dialog = document.createElement('dialog');
    const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const gate = new VisibilityGate(dialog);
    let lang: Lang = spec.lang;
    let view: View = { step: 'main' };
    let settled = false;

    const finish = (result: DialogResult): void => {
      if (settled) return;
      settled = true;
      gate.disconnect();
      if (dialog.open) dialog.close();
      host.remove();
      previousFocus?.focus?.({ preventScroll: true });
      resolve(result);
    };
    const render = (focusFirst = true): void => {
      const viewHost: ViewHost = { spec, lang, gate, finish, show: (next) => ((view = next), render()), switchLang: (next) => ((lang = next), render()) };
      dialog.replaceChildren(renderView(view, viewHost));
      dialog.className = `dialog ${spec.tone}`;
      dialog.setAttribute('lang', lang);
      dialog.scrollTop = 0;
      if (focusFirst) focusInitial(dialog);
    };

    signal?.addEventListener('abort', () => finish({ choice: 'cancel' }), { once: true });
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', 'vigie-title');
    dialog.setAttribute('aria-describedby', 'vigie-reasons');
    // Escape cancels: the browser's `cancel`, and `close` when it closes the dialog on its own.
    dialog.addEventListener('cancel', (event) => (event.preventDefault(), finish({ choice: 'cancel' })));
    dialog.addEventListener('close', () => finish({ choice: 'cancel' }));
    // Keys typed in the dialog stay in the dialog: the page's shortcuts (Gmail's, Outlook's) must not see them.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      host.addEventListener(type, (event) => {
        event.stopPropagation();
        if (type !== 'keydown' || !event.isTrusted) return;
        const key = (event as KeyboardEvent).key;
        if (key === 'Escape') finish({ choice: 'cancel' });
        if (key === 'Tab') trapTab(dialog, root, event as KeyboardEvent);
      });
    }
    const style = document.createElement('style');
    style.textContent = DIALOG_CSS;
    root.append(style, dialog);
    render(false);
    (document.body ?? document.documentElement).append(host);
    // The page may remove the host: the dialog is gone, so nothing was chosen.
    new MutationObserver((_, observer) => {
      if (!host.isConnected) (observer.disconnect(), finish({ choice: 'cancel' }));
    }).observe(host.parentNode ?? document, { childList: true });
    dialog.showModal();
    gate.start();
    dialog.scrollTop = 0;
    focusInitial(dialog);
  });
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** Focus on the first thing to act on, without scrolling the title out of sight. */
function focusInitial(dialog: HTMLDialogElement): void {
  const target = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
  target?.focus({ preventScroll: true });
  dialog.scrollTop = 0;
}

/** Tab and Shift+Tab cycle inside the dialog: never to the page behind, never to the browser's bar. */
function trapTab(dialog: HTMLDialogElement, root: ShadowRoot, event: KeyboardEvent): void {
  const current = root.activeElement;
  const items = tabStops(dialog, current);
  if (items.length === 0) return event.preventDefault();
  const index = items.indexOf(current as HTMLElement);
  const next = event.shiftKey ? (index <= 0 ? items.length - 1 : index - 1) : index === -1 || index === items.length - 1 ? 0 : index + 1;
  event.preventDefault();
  items[next]!.focus();
}

/**
 * What Tab stops on, in order: every visible control, except that a group of radio buttons is one
 * stop (the focused one, else the checked one, else the first), as browsers do natively; arrow
 * keys move inside the group.
 */
function tabStops(dialog: HTMLDialogElement, current: Element | null): HTMLElement[] {
  const all = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
  const radio = (el: Element): el is HTMLInputElement => el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'radio' && (el as HTMLInputElement).name !== '';
  return all.filter((el) => {
    if (!radio(el)) return true;
    const group = all.filter((other): other is HTMLInputElement => radio(other) && other.name === el.name);
    return el === (group.find((r) => r === current) ?? group.find((r) => r.checked) ?? group[0]);
  });
}
