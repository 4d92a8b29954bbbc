import { parse, type Selector } from 'css-what';

/**
 * Whether a CSS selector from a site pack is one `querySelectorAll` accepts in Chromium and
 * Firefox. css-what (the parser css-select and cheerio build on, so the CLI's DOM reads selectors
 * the same way) checks the grammar; it is lenient where browsers are not, so this also refuses
 * what it lets through: an empty selector or list entry, a dangling combinator ("a >"), a
 * pseudo-class the browsers do not know (":contains"), a pseudo-element (never matches) and a
 * malformed nth argument. Returns `undefined` when the selector is acceptable, else why not.
 */
export function selectorProblem(selector: string): string | undefined {
  if (selector.trim() === '') return 'empty selector';
  let parsed: Selector[][];
  try {
    parsed = parse(selector);
  } catch (error) {
    return `does not parse: ${error instanceof Error ? error.message : String(error)}`;
  }
  return listProblem(parsed, false);
}

/** Pseudo-classes both engines accept in `querySelectorAll` (state ones like :hover parse but rarely help). */
const SIMPLE_PSEUDO = new Set([
  'first-child', 'last-child', 'only-child', 'first-of-type', 'last-of-type', 'only-of-type', 'empty', 'root', 'scope',
  'checked', 'disabled', 'enabled', 'required', 'optional', 'read-only', 'read-write', 'placeholder-shown', 'indeterminate',
  'default', 'valid', 'invalid', 'in-range', 'out-of-range', 'link', 'any-link', 'visited', 'target', 'defined',
  'focus', 'focus-within', 'focus-visible', 'hover', 'active',
]);
const SELECTOR_PSEUDO = new Set(['not', 'is', 'where', 'has']);
const NTH_PSEUDO = new Set(['nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type']);
const NTH = /^\s*(?:odd|even|[+-]?\d*n(?:\s*[+-]\s*\d+)?|[+-]?\d+)\s*$/i;

function listProblem(list: Selector[][], relative: boolean): string | undefined {
  for (const compound of list) {
    if (compound.length === 0) return 'empty entry in a selector list';
    const last = compound[compound.length - 1];
    if (last && isCombinator(last)) return 'ends with a combinator';
    // Only :has() may start with one (":has(> a)").
    if (!relative && compound[0] && isCombinator(compound[0]) && compound[0].type !== 'descendant') return 'starts with a combinator';
    for (const part of compound) {
      const problem = partProblem(part);
      if (problem) return problem;
    }
  }
  return undefined;
}

function isCombinator(part: Selector): boolean {
  return ['child', 'parent', 'sibling', 'adjacent', 'descendant', 'column-combinator'].includes(part.type);
}

function partProblem(part: Selector): string | undefined {
  if (part.type === 'pseudo-element') return `pseudo-element ::${part.name} never matches an element`;
  if (part.type === 'parent' || part.type === 'column-combinator') return `combinator "${part.type}" is not CSS`;
  if (part.type !== 'pseudo') return undefined;
  const name = part.name.toLowerCase();
  if (SELECTOR_PSEUDO.has(name)) {
    if (!Array.isArray(part.data)) return `:${name}() needs a selector`;
    return listProblem(part.data, name === 'has');
  }
  if (NTH_PSEUDO.has(name)) {
    const [an, of] = String(part.data ?? '').split(/\s+of\s+/i);
    if (!NTH.test(an ?? '')) return `:${name}(${String(part.data ?? '')}) is not an An+B argument`;
    return of === undefined ? undefined : selectorProblem(of);
  }
  if (name === 'lang' || name === 'dir') return typeof part.data === 'string' && part.data.trim() ? undefined : `:${name}() needs an argument`;
  if (SIMPLE_PSEUDO.has(name)) return part.data === null || part.data === undefined ? undefined : `:${name} takes no argument`;
  return `unknown pseudo-class :${part.name}`;
}
