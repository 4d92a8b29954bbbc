/**
 * What counts as one member row in a page, as data (STYLE.md habit 13). A roster is a row whether
 * or not it carries an address: names with workplaces already say who is a member.
 */

/** Subtrees whose text is never part of a copy or a printout. */
export const UNRENDERED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'svg', 'IFRAME', 'OBJECT', 'SELECT', 'TEXTAREA']);

/**
 * Tags that stay on the line they are in (text runs across them, so `<b>marie</b>@x.org` is one
 * address); every other element starts and ends a line, as the browser's copied text does.
 */
export const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK',
  'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'LABEL',
]);

/** Cells of an ARIA grid or table row; a row holding only column headers is the header. */
const ARIA_CELL = '[role=gridcell],[role=cell],[role=rowheader]';

/** Lists that are navigation, not people: their items are links to pages. */
const NAVIGATION = 'nav,[role=navigation],[role=menu],[role=menubar],[role=tablist],[role=toolbar],header,footer';

/** Tags a roster draws its lines with when it uses neither a table nor list items. */
const LINE_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE']);

/** A line of a roster has at least this many same-shaped siblings (itself included). */
const MIN_LINES = 3;

/** Row-like elements inside which no other row counts (a roster line holding a table is one row per table row). */
const HOLDS_ROWS = 'tr,[role=row],li,[role=listitem]';

/**
 * Whether `el` is one member row: a table row with a data cell, an ARIA row with a cell, a list
 * item that is more than a link, or one of several same-shaped blocks side by side each holding
 * two fields or more (names and workplaces in `div`s). `shapes` caches each parent's children
 * shapes so a 50 000-line roster is looked at once, not once per line.
 */
export function isMemberRow(el: Element, shapes: WeakMap<Element, Map<string, number>>): boolean {
  switch (el.tagName) {
    case 'TR':
      return el.querySelector('td') !== null || el.querySelector(ARIA_CELL) !== null;
    case 'LI':
      return listItemIsRow(el);
  }
  const role = el.getAttribute('role');
  if (role === 'row') return el.querySelector(ARIA_CELL) !== null;
  if (role === 'listitem') return listItemIsRow(el);
  if (LINE_TAGS.has(el.tagName)) return isRosterLine(el, shapes);
  return false;
}

function listItemIsRow(el: Element): boolean {
  const text = el.textContent?.trim() ?? '';
  if (!text || el.closest(NAVIGATION)) return false;
  const only = el.children.length === 1 ? el.firstElementChild : null;
  // A list item that is one link (a menu, a tab, a pager) names a page, not a person.
  return !(only?.tagName === 'A' && only.textContent?.trim() === text);
}

function isRosterLine(el: Element, shapes: WeakMap<Element, Map<string, number>>): boolean {
  const parent = el.parentElement;
  if (!parent || el.children.length < 2) return false;
  let counts = shapes.get(parent);
  if (!counts) {
    counts = new Map();
    for (const child of parent.children) counts.set(shapeOf(child), (counts.get(shapeOf(child)) ?? 0) + 1);
    shapes.set(parent, counts);
  }
  if ((counts.get(shapeOf(el)) ?? 0) < MIN_LINES) return false;
  let fields = 0;
  for (const child of el.children) if (child.textContent?.trim()) fields++;
  return fields >= 2 && el.querySelector(HOLDS_ROWS) === null && el.closest(NAVIGATION) === null;
}

const shapeOf = (el: Element) => `${el.tagName}.${el.getAttribute('class') ?? ''}`;
