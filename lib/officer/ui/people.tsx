import { useState } from 'preact/hooks';
import type { RegisterEntry } from '../register-service';
import { get } from './api';
import { GrantDetail } from './grant-detail';
import { GrantForm, type Choices } from './grant-form';
import { day, useT } from './i18n';
import { Loading, useLoad } from './parts';
import { STATES } from './strings';

export function PeopleScreen() {
  const t = useT();
  const [filter, setFilter] = useState({ section: '', role: '', state: sessionStorage.getItem('vigie-state-filter') ?? '', text: '' });
  const [selected, setSelected] = useState<string | undefined>();
  const [showForm, setShowForm] = useState(false);
  const choices = useLoad(() => get<Choices>('/api/choices'));
  const list = useLoad(() => get<RegisterEntry[]>('/api/grants', filter), [filter.section, filter.role, filter.state, filter.text]);
  const set = (key: keyof typeof filter) => (e: Event) => {
    if (key === 'state') sessionStorage.removeItem('vigie-state-filter');
    setFilter({ ...filter, [key]: (e.target as HTMLInputElement).value });
  };
  if (!choices.data) return <Loading error={choices.error} />;
  const c = choices.data;
  return (
    <section aria-labelledby="people-h">
      <h2 id="people-h">{t('people')}</h2>
      <button type="button" aria-expanded={showForm} aria-controls="issue-form" onClick={() => setShowForm(!showForm)}>
        {t('newGrant')}
      </button>
      <div id="issue-form" hidden={!showForm}>
        {showForm && (
          <GrantForm
            choices={c}
            onIssued={(id) => {
              list.reload();
              choices.reload();
              setSelected(id);
            }}
          />
        )}
      </div>
      <form class="filters" role="search" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <label class="for-select">
          <span id="f-section-l">{t('section')}</span>
          <select aria-labelledby="f-section-l" value={filter.section} onChange={set('section')}>
            <option value="">{t('all')}</option>
            {c.sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label class="for-select">
          <span id="f-role-l">{t('role')}</span>
          <select aria-labelledby="f-role-l" value={filter.role} onChange={set('role')}>
            <option value="">{t('all')}</option>
            {c.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {t.text(r.name)}
              </option>
            ))}
          </select>
        </label>
        <label class="for-select">
          <span id="f-state-l">{t('state')}</span>
          <select aria-labelledby="f-state-l" value={filter.state} onChange={set('state')}>
            <option value="">{t('all')}</option>
            <option value="in-force">{t('inForce')}</option>
            {Object.entries(STATES).map(([id, text]) => (
              <option key={id} value={id}>
                {t.text(text)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('search')} <input type="search" value={filter.text} onInput={set('text')} />
        </label>
      </form>
      {selected && (
        <GrantDetail
          id={selected}
          choices={c}
          onChanged={list.reload}
          onClose={() => setSelected(undefined)}
        />
      )}
      {!list.data ? (
        <Loading error={list.error} />
      ) : list.data.length === 0 ? (
        <p>{t('noEntries')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('section')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('platforms')}</th>
              <th scope="col">{t('until')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col"><span class="visually-hidden">{t('open')}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  {e.holder.name}
                  <br />
                  <small>{e.holder.email}</small>
                </th>
                <td>{e.section ?? '—'}</td>
                <td>{t.text(c.roles.find((r) => r.id === e.role)?.name ?? { fr: e.role, en: e.role })}</td>
                <td>{e.platforms.join(', ')}</td>
                <td>{day(e.endsAt, t.lang)}</td>
                <td class={`state ${e.state}`}>{t.text(STATES[e.state]!)}</td>
                <td>
                  <button type="button" aria-label={t('openFor', { name: e.holder.name })} onClick={() => setSelected(e.id)}>
                    {t('open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
