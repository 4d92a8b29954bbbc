import { useEffect, useState } from 'preact/hooks';
import type { LogRead } from '../log/event-log';
import type { LogQuery } from '../messaging/protocol';
import type { VigieState } from '../state/snapshot';
import { auditCsv, auditCsvName } from './audit-csv';
import { logQuery, logTableView } from './log-view';
import type { OptionsView } from './options-view';

export interface LogActions {
  queryLog: (query: LogQuery) => Promise<LogRead | undefined>;
  /** Saves the CSV text under `filename` (an extension page's own download, never a guarded one). */
  saveCsv: (csv: string, filename: string) => Promise<void>;
}

const NO_FILTERS = { platform: '', verdict: '', from: '', to: '' };

/** The full audit log: filters, a table of what matches, and a CSV export of exactly that. */
export function LogSection({ state, view, actions }: { state: VigieState; view: OptionsView; actions: LogActions }) {
  const [filters, setFilters] = useState(NO_FILTERS);
  const [log, setLog] = useState<LogRead | undefined>();
  const run = async (next: typeof NO_FILTERS) => setLog(await actions.queryLog(logQuery(next)));
  useEffect(() => void run(NO_FILTERS), []);

  const f = view.filters;
  const table = log && logTableView(log, state);
  const field = (name: keyof typeof NO_FILTERS) => (e: Event) => setFilters({ ...filters, [name]: (e.currentTarget as HTMLInputElement).value });
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void run(filters);
  };
  const onReset = () => {
    setFilters(NO_FILTERS);
    void run(NO_FILTERS);
  };
  const onExport = () => log && actions.saveCsv(auditCsv(log.events, state.policy.policy, state.lang), auditCsvName(new Date()));

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
      {table && (
        <>
          <p class="log-summary">
            <span id="log-count">{table.count}</span>{' '}
            <button type="button" onClick={onExport} disabled={!log || log.events.length === 0}>
              {view.exportCsv}
            </button>
          </p>
          {table.skipped && <p>{table.skipped}</p>}
          {table.empty ? (
            <p>{table.empty}</p>
          ) : (
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
                  <tr key={row.id} class={row.verdict ? `verdict-${row.verdict}` : undefined}>
                    <td>
                      <time dateTime={row.iso}>{row.when}</time>
                    </td>
                    <td>{row.platform}</td>
                    <td>{row.text}</td>
                    <td>{row.clauses}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
