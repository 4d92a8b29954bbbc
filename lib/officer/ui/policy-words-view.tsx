import type { Policy } from '../../core/policy';
import { policyWords } from '../policy-words';
import { useT } from './i18n';
import { SURFACES } from './strings';

const VERDICT = { block: 'verdictBlock', warn: 'verdictWarn', audit: 'verdictAudit' } as const;

/** Each platform, each thing a person can do there, and what Vigie does about it. */
export function PolicyWordsView({ policy }: { policy: Policy }) {
  const t = useT();
  const roleName = (id: string) => t.text(policy.roles.find((r) => r.id === id)?.name ?? { fr: id, en: id });
  return (
    <>
      <h3>{t('policyWords')}</h3>
      <p>{t('rollout', { mode: t(policy.rollout === 'enforce' ? 'rolloutEnforce' : 'rolloutAudit') })}</p>
      {policyWords(policy).map((p) => (
        <div key={p.id} class="platform-words">
          <h4>{t('onPlatform', { platform: t.text(p.name) })}</h4>
          <ul>
            {p.surfaces.map((s) => (
              <li key={s.surface}>
                <strong>{t.text(SURFACES[s.surface]!)}</strong> :{' '}
                {s.rules.length === 0 ? t('noRule') : null}
                <ul>
                  {s.rules.map((r) => (
                    <li key={r.id}>
                      {t(VERDICT[r.verdict])}
                      {r.roles ? ` (${t('forRoles', { roles: r.roles.map(roleName).join(', ') })})` : ''}
                      {r.override.allowed ? ` — ${t(r.override.justification === 'none' ? 'overrideConfirm' : 'overrideJustify')}` : ''}
                      {s.authorizationAllows && r.verdict !== 'audit' ? ` — ${t('withAuthorization')}` : ''} · {r.clauses.join(', ')}
                      <br />
                      <small>{t.text(r.message)}</small>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
