import { get } from './api';
import { useT } from './i18n';
import { Loading, useLoad } from './parts';
import type { Overview } from '../register-service';

export function OverviewScreen() {
  const t = useT();
  const { data, error } = useLoad(() => get<Overview>('/api/overview'));
  if (!data) return <Loading error={error} />;
  const cards = [
    ['active', data.counts.active],
    ['expiring', data.counts.expiring],
    ['ended', data.counts.ended],
    ['revoked', data.counts.revoked],
  ] as const;
  return (
    <section aria-labelledby="overview-h">
      <h2 id="overview-h">{t('overview')}</h2>
      <p class={data.keyProtected ? 'ok' : 'warning'} role={data.keyProtected ? undefined : 'alert'}>
        {t(data.keyProtected ? 'keyProtected' : 'keyUnprotected')}
      </p>
      <ul class="cards">
        {cards.map(([key, count]) => (
          <li key={key} class={`card ${key}`}>
            <a href={`#people`} onClick={() => sessionStorage.setItem('vigie-state-filter', key)}>
              <span class="count">{count}</span> <span>{t(key)}</span>
            </a>
          </li>
        ))}
      </ul>
      {data.policy && (
        <p class={data.policy.publishedMatches ? 'ok' : 'warning'}>
          {t('policyPublished', { id: data.policy.id, version: data.policy.version })}{' '}
          {data.policy.publishedMatches ? t('publishedMatches') : t('publishedDiffers', { published: data.policy.publishedVersion ?? '—' })}
        </p>
      )}
      <h3>{t('missingDatesHeading')}</h3>
      {data.missingDates.length === 0 ? (
        <p>{t('noneMissing')}</p>
      ) : (
        <ul>
          {data.missingDates.map((m) => (
            <li key={m.id}>
              {m.name} — {[m.declaration && t('missingDeclaration'), m.training && t('missingTraining')].filter(Boolean).join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
