/**
 * Which controls on an organizing platform export member data. The test is on what a person
 * sees and where the control leads, not on class names: a label starting with (or made of) an
 * export word in French or English, a link to a spreadsheet file or a download/export URL, or a
 * `download` attribute. The site pack adds the few ids and classes known on each site.
 */

/** What recognition reads from an element (see `describeControl`). */
export interface ControlInfo {
  /** `a`, `button`, `input`, or another tag carrying a button/link role. */
  tag: string;
  /** aria-label, visible text, value and title, each whitespace-collapsed. */
  labels: readonly string[];
  /** Resolved link target (anchors, `formaction`, a submit button's form action). */
  href?: string;
  /** The anchor has a `download` attribute. */
  download?: boolean;
}

/** Export words, French and English, at the start of a label or standing as a word in it. */
const EXPORT_WORDS = /(?:^|[\s(«"“'’:—–-])(?:download|export|exporter|exportation|t[ée]l[ée]charg\w*)(?=$|[\s).,:!»"”…—–-])/iu;
/** A label that is only a file type, as Action Builder's Uploads list shows ("CSV"). */
const FILE_TYPE_LABEL = /^(?:csv|xlsx?|tsv)$/i;
/** Words that make a control with an export word something else ("Export settings" is not data). */
const NOT_DATA = /\b(?:app|application|logo|image|template|gabarit)\b/i;

const SPREADSHEET_URL = /\.(?:csv|tsv|xlsx?|ods|zip)(?:$|[?#])/i;
const EXPORT_PATH = /\/(?:download|downloads|export|exports|csv)(?:$|[/.?#])/i;
const EXPORT_QUERY = /[?&](?:format|export|download)=(?:csv|tsv|xlsx?|true|1)(?:$|&)/i;

export function isExportControl(info: ControlInfo): boolean {
  if (info.download) return true;
  if (info.href && isExportUrl(info.href)) return true;
  return info.labels.some((label) => FILE_TYPE_LABEL.test(label) || (EXPORT_WORDS.test(label) && !NOT_DATA.test(label)));
}

export function isExportUrl(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href, 'https://placeholder.invalid/');
  } catch {
    return false;
  }
  if (url.protocol === 'blob:' || url.protocol === 'data:') return false; // only with `download`, above
  return SPREADSHEET_URL.test(url.pathname) || EXPORT_PATH.test(url.pathname) || EXPORT_QUERY.test(url.search);
}

/** The interactive elements a click or a key can activate. */
export const ACTIVATABLE = 'a[href], button, input[type=submit], input[type=button], input[type=image], [role=button], [role=link], [role=menuitem]';

/** Reads an element into a ControlInfo (the DOM half of recognition). */
export function describeControl(el: Element): ControlInfo {
  const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const labels = [el.getAttribute('aria-label'), el.textContent, (el as HTMLInputElement).value, el.getAttribute('title')]
    .map(collapse)
    .filter(Boolean)
    .map((s) => s.slice(0, 120));
  const tag = el.tagName.toLowerCase();
  let href: string | undefined;
  if (el instanceof HTMLAnchorElement) href = el.href;
  else if (el instanceof HTMLButtonElement || el instanceof HTMLInputElement) {
    const submits = el.type === 'submit' || el.type === 'image';
    href = submits ? el.getAttribute('formaction') ?? el.form?.action : undefined;
  }
  return { tag, labels, href, download: el instanceof HTMLAnchorElement && el.hasAttribute('download') };
}

/**
 * The export control an event started on, if any: the nearest activatable ancestor that is
 * recognised by label/URL or matches one of the platform's own selectors.
 */
export function exportControlOf(target: EventTarget | null, platformSelectors: readonly string[]): Element | undefined {
  if (!(target instanceof Element)) return undefined;
  const control = target.closest(ACTIVATABLE);
  if (!control) return undefined;
  if (platformSelectors.some((s) => matches(control, s))) return control;
  return isExportControl(describeControl(control)) ? control : undefined;
}

/** `el.matches(selector)`, false for a selector this browser refuses (a site pack's, checked but from elsewhere). */
function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}
