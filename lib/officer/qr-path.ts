/**
 * The SVG path of a QR matrix (rows of '0'/'1'): one rectangle per run of dark modules on a row,
 * so the drawing stays short and crisp. Pure; the page draws it, a unit test pins it.
 */
export function qrPath(rows: readonly string[]): string {
  return rows.map((row, y) => row.replace(/1+|0+/g, (run, x: number) => (run[0] === '1' ? `M${x} ${y}h${run.length}v1h-${run.length}z` : ''))).join('');
}
