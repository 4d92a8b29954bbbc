import { closest, containsWord, first, normaliseLabel, startsWithWord, type SelectorChain } from '../lookup';
import { labels, lookups } from '../site-lookups';
import type { EmailStepAdapter, EmailStepView, OrganizingAdapter, PlatformAdapter } from '../types';

/** Selectors and labels: lib/packs/sites.json, platform `action-network` (read from the site pack in force). */
const ACTION_NETWORK = lookups('action-network');
/** `send`: Send/Schedule label prefixes; `notSend`: words that make it a test send (to the sender only). */
const ACTION_NETWORK_LABELS = labels('action-network');

/** What a control says: aria-label, else an input's value, else its text. */
function controlLabel(el: Element): string {
  const raw = el.getAttribute('aria-label') || (el instanceof HTMLInputElement ? el.value : el.textContent) || '';
  return normaliseLabel(raw);
}

function fieldText(doc: Document, chain: SelectorChain): string {
  const el = first<HTMLElement>(doc, chain)?.element;
  if (!el) return '';
  return normaliseLabel(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : el.textContent ?? '');
}

function radioLabel(doc: Document, radio: HTMLInputElement): string {
  const label = (radio.id && doc.querySelector(`label[for="${CSS.escape(radio.id)}"]`)) || radio.closest('label');
  return normaliseLabel(label?.textContent ?? radio.value);
}

/** The wrapper chooser's options and the chosen one, by visible name. */
function wrappers(doc: Document): { chosen?: string; options: string[]; pick: (name: string) => boolean } {
  const chooser = first<HTMLElement>(doc, ACTION_NETWORK.wrapperChooser)?.element;
  if (chooser instanceof HTMLSelectElement) {
    const options = [...chooser.options];
    return {
      chosen: chooser.selectedOptions[0] ? normaliseLabel(chooser.selectedOptions[0].text) : undefined,
      options: options.map((o) => normaliseLabel(o.text)),
      pick: (name) => {
        const option = options.find((o) => normaliseLabel(o.text) === name);
        if (!option) return false;
        chooser.value = option.value;
        for (const type of ['input', 'change']) chooser.dispatchEvent(new Event(type, { bubbles: true }));
        return true;
      },
    };
  }
  if (chooser instanceof HTMLInputElement) {
    const radios = [...doc.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(chooser.name)}"]`)];
    const checked = radios.find((r) => r.checked);
    return {
      chosen: checked ? radioLabel(doc, checked) : undefined,
      options: radios.map((r) => radioLabel(doc, r)),
      pick: (name) => {
        const radio = radios.find((r) => radioLabel(doc, r) === name);
        radio?.click();
        return radio !== undefined;
      },
    };
  }
  return { options: [], pick: () => false };
}

function previewHtml(doc: Document): string {
  const el = first<HTMLElement>(doc, ACTION_NETWORK.preview)?.element;
  if (el instanceof HTMLIFrameElement) {
    try {
      return el.contentDocument?.body?.innerHTML ?? '';
    } catch {
      return ''; // a cross-origin preview cannot be read: the wrapper name must then be approved
    }
  }
  return el?.innerHTML ?? '';
}

/**
 * Action Network's email preview/send step ([V] help 203846675: the wrapper chooser, the rendered
 * preview and Send/Schedule are on the same page; [G] their markup).
 */
export const actionNetworkEmailStep: EmailStepAdapter = {
  sendControl(target) {
    const control = closest<HTMLElement>(target, ACTION_NETWORK.sendControls)?.element;
    if (!control) return undefined;
    const label = controlLabel(control);
    return startsWithWord(label, ACTION_NETWORK_LABELS.send) && !containsWord(label, ACTION_NETWORK_LABELS.notSend) ? control : undefined;
  },
  isSendStep(doc) {
    return first(doc, ACTION_NETWORK.wrapperChooser) !== undefined || first(doc, ACTION_NETWORK.preview) !== undefined;
  },
  read(doc): EmailStepView {
    const { chosen, options } = wrappers(doc);
    return { wrapper: chosen, wrapperOptions: options, previewHtml: previewHtml(doc), subject: fieldText(doc, ACTION_NETWORK.subject), fromName: fieldText(doc, ACTION_NETWORK.fromName) };
  },
  chooseWrapper(doc, name) {
    return wrappers(doc).pick(normaliseLabel(name));
  },
};

export const actionNetworkOrganizing = {
  get exportSelectors() {
    return ACTION_NETWORK.exportControls.fallbacks;
  },
  emailStep: actionNetworkEmailStep,
} satisfies OrganizingAdapter;

/** Action Network (actionnetwork.org and admin.actionnetwork.org). */
export const actionNetworkAdapter: PlatformAdapter = {
  platform: 'action-network',
  family: 'action-network',
  organizing: actionNetworkOrganizing,
};
