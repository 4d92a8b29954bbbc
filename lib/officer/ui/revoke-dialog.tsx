import { useEffect, useRef, useState } from 'preact/hooks';
import type { RegisterEntry } from '../register-service';
import { post } from './api';
import { useT } from './i18n';
import { Problems, problemsOf } from './parts';

/**
 * Revoking asks for a reason in a modal dialog (native <dialog>: focus moves in and stays, Escape
 * cancels, focus returns to the button that opened it).
 */
export function RevokeDialog({ entry, onClose, onRevoked }: { entry: RegisterEntry; onClose: () => void; onRevoked: (version: number) => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.showModal();
    return () => opener?.focus();
  }, []);
  const submit = async (event: Event) => {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '');
    setBusy(true);
    try {
      const { version } = await post<{ version: number }>(`/api/grants/${encodeURIComponent(entry.id)}/revoke`, { reason });
      onRevoked(version);
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} aria-labelledby="revoke-h" aria-describedby="revoke-d" onCancel={onClose} onClose={onClose}>
      <form onSubmit={submit}>
        <h3 id="revoke-h">{t('revokeTitle', { name: entry.holder.name })}</h3>
        <p id="revoke-d">{t('revokeExplain')}</p>
        <label>
          {t('reason')} <textarea name="reason" required rows={3} />
        </label>
        <Problems problems={problems} />
        <div class="buttons">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" class="danger" disabled={busy}>
            {t('confirmRevoke')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
