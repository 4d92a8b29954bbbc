import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, onChangeElsewhere } from './api';
import { useT } from './i18n';

/**
 * Loads `read()` now, whenever `deps` change, and when a change was made in another tab of the
 * console (or the tab comes back into view); `reload` for after a change made here.
 */
export function useLoad<T>(read: () => Promise<T>, deps: unknown[] = []): { data?: T; error?: string; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const [tick, setTick] = useState(0);
  useEffect(() => onChangeElsewhere(() => setTick((n) => n + 1)), []);
  useEffect(() => {
    let live = true;
    read().then(
      (data) => live && setState({ data }),
      (error: Error) => live && setState({ error: error.message }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: useCallback(() => setTick((n) => n + 1), []) };
}

export function Loading({ error }: { error?: string }) {
  const t = useT();
  return error ? <p role="alert">{t('failed', { error })}</p> : <p aria-busy="true">{t('loading')}</p>;
}

/** Located problems from the server or the live check, one per line, announced. */
export function Problems({ id, problems }: { id?: string; problems: string[] }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div id={id} class="problems" role="alert">
      <p>{t('problems')}</p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/** What a refused request said: its located problems, or its message. */
export function problemsOf(error: unknown): string[] {
  if (error instanceof ApiError) return error.problems.length ? error.problems : [error.message];
  return [error instanceof Error ? error.message : String(error)];
}

export function Done({ text }: { text: string }) {
  return text ? (
    <p class="done" role="status">
      {text}
    </p>
  ) : (
    <p class="done" role="status" />
  );
}
