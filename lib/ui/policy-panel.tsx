import { useState } from 'preact/hooks';
import type { PolicyView } from './policy-view';
import { Rows } from './rows';

/** The policy in force, its sync, its problems and a "check now" button; every value is text. */
export function PolicyPanel({ view, heading, onCheck }: { view: PolicyView; heading?: string; onCheck: () => Promise<void> }) {
  const [checking, setChecking] = useState(false);
  const check = async () => {
    setChecking(true);
    try {
      await onCheck();
    } finally {
      setChecking(false);
    }
  };
  return (
    <section class="policy" aria-labelledby="policy-heading">
      <h2 id="policy-heading">{heading ?? view.heading}</h2>
      <Rows rows={view.rows} />
      {view.warning && <p class="alert">{view.warning}</p>}
      {view.problems.length > 0 && (
        <div class="problems" role="alert">
          <h3>{view.problemsHeading}</h3>
          <ul>
            {view.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {view.kept && <p>{view.kept}</p>}
        </div>
      )}
      <p>
        <button type="button" class="secondary" onClick={check} disabled={checking}>
          {checking ? view.checking : view.checkNow}
        </button>
      </p>
    </section>
  );
}
