import type { Row } from './scope-view';

/** Term–value pairs as a description list. */
export function Rows({ rows }: { rows: readonly Row[] }) {
  return (
    <dl class="rows">
      {rows.map((row) => (
        <div key={row.term}>
          <dt>{row.term}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
