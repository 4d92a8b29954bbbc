import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, t } from '../i18n';
import type { LogRow } from '../log/log-pages';
import type { LogQuery } from '../messaging/protocol';
import type { VigieState } from '../state/snapshot';
import { auditCsvName, csvHeader, csvLines } from './audit-csv';
import { localClock } from './local-clock';
import { logQuery, logTableView, LOG_TABLE_ROWS } from './log-view';
import type { OptionsView } from './options-view';

/** The log as the options page reads it (straight from IndexedDB: see lib/log/log-pages.ts). */
export interface LogReader {
  count: (query: LogQuery) => Promise<number>;
  page: (query: LogQuery, offset: number, limit: number) => Promise<LogRow[]>;
  chunks: (query: LogQuery, size: number) => AsyncIterable<LogRow[]>;
}

export interface LogActions {
  log: LogReader;
  /** The whole log's first page, come with the page's state, and how to count the whole log. */
  first?: { rows: LogRow[]; count: () => Promise<number> };
  /** Saves the CSV under `filename` (an extension page's own download, never a guarded one). */
  saveCsv: (parts: readonly string[], filename: string) => Promise<void>;
}

const NO_FILTERS = { platform: '', verdict: '', from: '', to: '' };
/** Events a CSV chunk reads and formats before the page gets to paint its progress again. */
const CSV_CHUNK = 5000;

interface Shown {
  query: LogQuery;
  offset: number;
  /** Undefined while counting: the page is shown before its count arrives. */
  total?: number;
  rows: LogRow[];
}

/** The full audit log: filters, a table of what matches a page at a time, and a CSV export of all of it. */
export function LogSection({ state, view, actions }: { state: VigieState; view: OptionsView; actions: LogActions }) {
  const [filters, setFilters] = useState(NO_FILTERS);
  // The first page, if it came with the state, is in the very first render.
  const [shown, setShown] = useState<Shown | undefined>(() => actions.first && { query: {}, offset: 0, rows: actions.first.rows });
  const [progress, setProgress] = useState<{ done: number; count: number; finished?: boolean } | undefined>();
  // The latest request wins: a slow page must not replace a newer one.
  const latest = useRef(0);
  // The rows show as soon as they are read; the count (a walk of the whole index) follows, once
  // per query: pages turned while it runs wait for the same count.
  const counts = useRef(new Map<string, { value?: number }>());
  const countOf = (query: LogQuery, counting: () => Promise<number>) => {
    const key = JSON.stringify(query);
    let count = counts.current.get(key);
    if (!count) {
      const made: { value?: number } = {};
      counts.current.set(key, (count = made));
      void counting().then((n) => {
        made.value = n;
        setShown((s) => (s && JSON.stringify(s.query) === key ? { ...s, total: n } : s));
      });
    }
    return count;
  };
  const show = async (query: LogQuery, offset: number) => {
    const ticket = ++latest.current;
    const reading = actions.log.page(query, offset, LOG_TABLE_ROWS);
    // Asked once the page is read: IndexedDB answers one request at a time.
    const count = countOf(query, () => reading.then(() => actions.log.count(query)));
    const rows = await reading;
    if (ticket === latest.current) setShown({ query, offset, rows, total: count.value });
  };
  // After the first paint: the count loads the log's database code and walks the whole index.
  useEffect(() => {
    const { first } = actions;
    if (first) countOf({}, first.count);
    else void show({}, 0);
  }, []);

  const f = view.filters;
  const { lang } = state;
  const table = shown && logTableView(shown.rows, shown.offset, shown.total, state);
  const field = (name: keyof typeof NO_FILTERS) => (e: Event) => setFilters({ ...filters, [name]: (e.currentTarget as HTMLInputElement).value });
  const onSubmit = (e: Event) => {
    e.preventDefault();
    // Asked again: count again (events may have been logged since).
    counts.current.clear();
    void show(logQuery(filters), 0);
  };
  const onReset = () => {
    setFilters(NO_FILTERS);
    counts.current.clear();
    void show({}, 0);
  };
  const go = (offset: number | undefined) => shown && offset !== undefined && void show(shown.query, offset);
  const onExport = async () => {
    if (!shown || shown.total === undefined || progress?.finished === false) return;
    const { query, total } = shown;
    const clock = localClock();
    const policy = state.policy.policy;
    const parts = [csvHeader(lang, clock)];
    let done = 0;
    setProgress({ done, count: total, finished: false });
    for await (const rows of actions.log.chunks(query, CSV_CHUNK)) {
      parts.push(csvLines(rows, policy, lang, clock));
      done += rows.length;
      setProgress({ done, count: total, finished: false });
      // Let the page paint the progress between chunks.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await actions.saveCsv(parts, auditCsvName(new Date()));
    setProgress({ done, count: total, finished: true });
  };
  const exporting = progress?.finished === false;

  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">{view.logHeading}</h2>
      <p class="note">{view.logNote}</p>
      <form class="filters" onSubmit={onSubmit}>
        <label>
          {f.platformLabel}
          <select name="platform" value={filters.platform} onChange={field('platform')}>
            {f.platforms.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {f.verdictLabel}
          <select name="verdict" value={filters.verdict} onChange={field('verdict')}>
            {f.verdicts.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {f.fromLabel}
          <input type="date" name="from" value={filters.from} onInput={field('from')} />
        </label>
        <label>
          {f.toLabel}
          <input type="date" name="to" value={filters.to} onInput={field('to')} />
        </label>
        <span class="buttons">
          <button type="submit">{f.apply}</button>
          <button type="button" class="secondary" onClick={onReset}>
            {f.reset}
          </button>
        </span>
      </form>
      {table && shown && (
        <>
          <p class="log-summary">
            <span id="log-count">{table.count}</span>{' '}
            <button type="button" onClick={() => void onExport()} disabled={!shown.total || exporting} aria-describedby="csv-progress">
              {view.exportCsv}
            </button>
          </p>
          <p id="csv-progress" role="status" aria-live="polite">
            {progress && (
              <>
                <progress max={progress.count} value={progress.done} />{' '}
                {progress.finished
                  ? t(lang, 'csvDone', { count: formatNumber(lang, progress.done) })
                  : t(lang, 'csvProgress', { done: formatNumber(lang, progress.done), count: formatNumber(lang, progress.count) })}
              </>
            )}
          </p>
          {table.empty ? (
            <p>{table.empty}</p>
          ) : (
            <>
              <table class="log">
                <thead>
                  <tr>
                    <th scope="col">{f.columns.time}</th>
                    <th scope="col">{f.columns.platform}</th>
                    <th scope="col">{f.columns.event}</th>
                    <th scope="col">{f.columns.clauses}</th>
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={row.id} class={row.corrupt ? 'corrupt' : row.verdict ? `verdict-${row.verdict}` : undefined}>
                      <td>{row.iso && <time dateTime={row.iso}>{row.when}</time>}</td>
                      <td>{row.platform}</td>
                      <td>{row.text}</td>
                      <td>{row.clauses}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {table.paged && (
                <nav class="log-pages" aria-label={t(lang, 'logPageNav')}>
                  <button type="button" class="secondary" onClick={() => go(0)} disabled={table.previous === undefined}>
                    {t(lang, 'logFirst')}
                  </button>
                  <button type="button" class="secondary" onClick={() => go(table.previous)} disabled={table.previous === undefined}>
                    {t(lang, 'logPrevious')}
                  </button>
                  <button type="button" class="secondary" onClick={() => go(table.next)} disabled={table.next === undefined}>
                    {t(lang, 'logNext')}
                  </button>
                  <button type="button" class="secondary" onClick={() => go(table.last)} disabled={table.next === undefined || table.last === undefined}>
                    {t(lang, 'logLast')}
                  </button>
                </nav>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
