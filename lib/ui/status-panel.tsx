import type { StatusView } from './status-view';

/** The popup's opening: one sentence, then each problem with its button. Every value is text. */
export function StatusPanel({ view, onOptions, onSync }: { view: StatusView; onOptions: () => void; onSync: () => Promise<void> }) {
  return (
    <section class={`status-panel level-${view.level}`} aria-labelledby="summary">
      <p id="summary" class="summary">
        {view.summary}
      </p>
      {view.problems.length > 0 && (
        <div class="problems-now">
          <h2 id="problems-heading">{view.problemsHeading}</h2>
          <ul aria-labelledby="problems-heading">
            {view.problems.map((p) => (
              <li key={p.id}>
                <p>{p.text}</p>
                {p.button && (
                  <button type="button" onClick={p.button.action === 'sync' ? onSync : onOptions}>
                    {p.button.label}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
