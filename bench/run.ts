import type { BenchRow } from './types';

/** Each module measures one thing and returns its rows; failures of a budget make the run exit 1. */
const modules: Array<[string, () => Promise<{ run: () => Promise<BenchRow[]> }>]> = [
  ['send-check', () => import('./send-check')],
  ['content-scripts', () => import('./content-scripts')],
  ['log-insert', () => import('./log-insert')],
  ['webmail-page-cost', () => import('./webmail-page-cost')],
  ['webmail-real-send', () => import('./webmail-real-send')],
  ['scale-page', () => import('./scale-page')],
  ['scale-log', () => import('./scale-log')],
];
// `npm run bench -- scale-log` runs only the modules whose name contains one of the words given.
const only = process.argv.slice(2);
const chosen = only.length ? modules.filter(([name]) => only.some((w) => name.includes(w))) : modules;

const rows: BenchRow[] = [];
for (const [name, load] of chosen) {
  try {
    rows.push(...(await (await load()).run()));
  } catch (error) {
    console.error(`bench ${name} failed:`, error);
    process.exitCode = 1;
  }
}
const over = rows.filter((r) => r.budget !== undefined && r.value > r.budget);
console.table(rows.map((r) => ({ measure: r.name, value: +r.value.toFixed(3), unit: r.unit, budget: r.budget ?? '', ok: r.budget === undefined ? '' : r.value <= r.budget ? 'yes' : 'NO' })));
if (over.length) {
  console.error(`over budget: ${over.map((r) => r.name).join(', ')}`);
  process.exitCode = 1;
}
