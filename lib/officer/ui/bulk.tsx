import { useState } from 'preact/hooks';
import type { BulkPreview } from '../bulk-service';
import { post } from './api';
import { useT } from './i18n';
import { Done, Problems, problemsOf } from './parts';

/** Spreadsheet → preview with a located error per bad row → confirm → all issued, or none. */
export function BulkScreen() {
  const t = useT();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<BulkPreview | undefined>();
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const check = async (text = csv) => {
    setDone('');
    try {
      setPreview(await post<BulkPreview>('/api/bulk/preview', { csv: text }));
      setProblems([]);
    } catch (error) {
      setProblems(problemsOf(error));
    }
  };
  const confirm = async () => {
    setBusy(true);
    try {
      const result = await post<{ preview: BulkPreview; issued: number }>('/api/bulk/issue', { csv });
      setPreview(result.preview);
      if (result.issued > 0) {
        setDone(t('bulkDone', { count: result.issued }));
        setPreview(undefined);
        setCsv('');
      }
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setBusy(false);
    }
  };
  const onFile = async (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    await check(text);
  };
  const bad = preview ? preview.rows.filter((r) => r.problems.length > 0).length + preview.fileProblems.length : 0;

  return (
    <section aria-labelledby="bulk-h">
      <h2 id="bulk-h">{t('bulk')}</h2>
      <p id="bulk-help">{t('bulkHelp')}</p>
      <label>
        {t('csvFile')} <input type="file" accept=".csv,text/csv" onChange={onFile} aria-describedby="bulk-help" />
      </label>
      <label>
        {t('csvText')}
        <textarea rows={8} value={csv} onInput={(e) => (setCsv((e.target as HTMLTextAreaElement).value), setPreview(undefined))} aria-describedby="bulk-help" spellcheck={false} />
      </label>
      <button type="button" onClick={() => check()}>
        {t('preview')}
      </button>
      <Problems problems={problems} />
      <Done text={done} />
      {preview && (
        <>
          <p role="status" class={preview.ok ? 'ok' : 'warning'}>
            {preview.ok ? t('bulkReady', { count: preview.rows.length }) : t('bulkRefused', { count: bad })}
          </p>
          <Problems problems={preview.fileProblems} />
          <table>
            <thead>
              <tr>
                <th scope="col">{t('line')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('state')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line} class={r.problems.length ? 'bad' : undefined}>
                  <td>{r.line}</td>
                  <td>{r.name}</td>
                  <td>{r.email}</td>
                  <td>{r.problems.length ? <ul>{r.problems.map((p) => <li key={p}>{p}</li>)}</ul> : t('rowOk')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.ok && (
            <button type="button" onClick={confirm} disabled={busy}>
              {t('confirmBulk', { count: preview.rows.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
