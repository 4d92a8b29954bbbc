export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Line diff (longest common subsequence) of two texts, for "what changes against the published
 * policy". Pure; policies are a few hundred lines, so the quadratic table is small. Unchanged runs
 * longer than `context` lines on both sides of a change are folded into one `…` line.
 */
export function lineDiff(before: string, after: string, context = 3): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs: Uint16Array[] = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) (out.push({ kind: 'same', text: a[i]! }), i++, j++);
    else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) out.push({ kind: 'added', text: b[j++]! });
    else out.push({ kind: 'removed', text: a[i++]! });
  }
  return fold(out, context);
}

function fold(lines: DiffLine[], context: number): DiffLine[] {
  const near = lines.map((_, k) => lines.slice(Math.max(0, k - context), k + context + 1).some((l) => l.kind !== 'same'));
  const out: DiffLine[] = [];
  lines.forEach((line, k) => {
    if (near[k]) out.push(line);
    else if (out.at(-1)?.text !== '…' || out.at(-1)?.kind !== 'same') out.push({ kind: 'same', text: '…' });
  });
  return out;
}
