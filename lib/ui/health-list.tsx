import type { HealthLine } from './health-view';

/** One line per guarded platform: a coloured mark (with its word, not colour alone) and when. */
export function HealthList({ heading, lines }: { heading: string; lines: readonly HealthLine[] }) {
  return (
    <section class="health" aria-labelledby="health-heading">
      <h2 id="health-heading">{heading}</h2>
      <ul class="health-list">
        {lines.map((line) => (
          <li key={line.platform} class={`health-${line.status}`}>
            <span class="mark" aria-hidden="true" />
            <strong>{line.platform}</strong> — {line.text}
            {line.help && <div class="help">{line.help}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
