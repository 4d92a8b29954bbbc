import { useState } from 'preact/hooks';
import type { AuditEntry } from '../audit-service';
import { get } from './api';
import { useT } from './i18n';
import { Loading, useLoad } from './parts';
import { ACTIONS } from './strings';

export function AuditScreen() {
  const t = useT();
  const [filter, setFilter] = useState({ action: '', text: '' });
  const { data, error } = useLoad(() => get<AuditEntry[]>('/api/audit', filter), [filter.action, filter.text]);
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  return (
    <section aria-labelledby="audit-h">
      <h2 id="audit-h">{t('audit')}</h2>
      <p>
        <a href="/api/register.csv" download="registre-register.csv">
          {t('registerExport')}
        </a>
      </p>
      <h3>{t('auditHeading')}</h3>
      <form class="filters" role="search" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <label class="for-select">
          <span id="a-action-l">{t('action')}</span>
          <select aria-labelledby="a-action-l" value={filter.action} onChange={(e) => setFilter({ ...filter, action: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('all')}</option>
            {Object.entries(ACTIONS).map(([id, text]) => (
              <option key={id} value={id}>
                {t.text(text)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('searchText')} <input type="search" value={filter.text} onInput={(e) => setFilter({ ...filter, text: (e.target as HTMLInputElement).value })} />
        </label>
        <a href={`/api/audit.csv${query ? `?${query}` : ''}`} download="journal-audit.csv">
          {t('auditExport')}
        </a>
      </form>
      {!data ? (
        <Loading error={error} />
      ) : data.length === 0 ? (
        <p>{t('noAudit')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('who')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('what')}</th>
              <th scope="col">{t('why')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((a) => (
              <tr key={a.seq}>
                <td>{new Date(a.at).toLocaleString(t.lang === 'fr' ? 'fr-CA' : 'en-CA')}</td>
                <td>{a.actor}</td>
                <td>{ACTIONS[a.action] ? t.text(ACTIONS[a.action]!) : a.action}</td>
                <td>{a.detail}</td>
                <td>{a.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
