let replaying = false;

/** True while Vigie dispatches a send the person chose in its dialog: the guard lets exactly these through. */
export function isReplaying(): boolean {
  return replaying;
}

/**
 * Presses a control the way a mouse does (pointer and mouse down, up, click): Gmail's buttons act
 * on mouseup, Outlook's on click. Dispatching is synchronous, so the flag covers exactly our own
 * events; an event the page synthesises outside this call is checked like any other.
 */
export function pressLikeAPerson(el: HTMLElement): void {
  const box = el.getBoundingClientRect();
  const at = { bubbles: true, cancelable: true, composed: true, view: window, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, button: 0 };
  const pointer = { pointerId: 1, pointerType: 'mouse', isPrimary: true };
  dispatching(() => {
    el.dispatchEvent(new PointerEvent('pointerdown', { ...at, ...pointer, buttons: 1 }));
    el.dispatchEvent(new MouseEvent('mousedown', { ...at, buttons: 1, detail: 1 }));
    el.dispatchEvent(new PointerEvent('pointerup', { ...at, ...pointer, buttons: 0 }));
    el.dispatchEvent(new MouseEvent('mouseup', { ...at, buttons: 0, detail: 1 }));
    el.dispatchEvent(new MouseEvent('click', { ...at, buttons: 0, detail: 1 }));
  });
}

/** Presses Ctrl+Enter in a compose: the way back when the page offers no Send control to press. */
export function pressSendShortcut(target: HTMLElement): void {
  const key = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey: true, bubbles: true, cancelable: true, composed: true };
  dispatching(() => {
    target.focus();
    target.dispatchEvent(new KeyboardEvent('keydown', key));
    target.dispatchEvent(new KeyboardEvent('keyup', key));
  });
}

function dispatching(run: () => void): void {
  replaying = true;
  try {
    run();
  } finally {
    replaying = false;
  }
}
