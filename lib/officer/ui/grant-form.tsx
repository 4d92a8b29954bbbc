import { useState } from 'preact/hooks';
import type { Grant } from '../../core/grant';
import type { Policy } from '../../core/policy';
import { endOfDay } from '../dates';
import { post } from './api';
import { useT } from './i18n';
import { Done, Problems, problemsOf } from './parts';

export interface Choices {
  sections: string[];
  roles: { id: string; name: { fr: string; en: string } }[];
  template: Record<string, unknown>;
  policy: Policy;
}

/** The issue form, shaped by the policy like `vigie grant template`: sections or tasks, clearance levels, its platforms. */
export function GrantForm({ choices, onIssued }: { choices: Choices; onIssued: (id: string) => void }) {
  const t = useT();
  const { policy, template } = choices;
  const sectioned = 'section' in template;
  const tasked = 'task' in template;
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const v = (k: string) => String(form.get(k) ?? '').trim();
    const opt = (k: string, field: string) => (v(k) ? { [field]: v(k) } : {});
    const draft = {
      holder: { name: v('name'), email: v('email') },
      role: v('role'),
      platforms: form.getAll('platforms').map(String),
      expiresAt: endOfDay(v('expires')),
      ...(sectioned && v('section') ? { section: { number: v('section'), name: { fr: v('sectionName') || `Section locale ${v('section')}`, en: v('sectionName') || `Local ${v('section')}` } } } : {}),
      ...(tasked && v('task') ? { task: { description: v('task'), endsAt: endOfDay(v('taskEnds')) } } : {}),
      ...opt('clearance', 'clearance'),
      ...opt('declaration', 'declarationDate'),
      ...opt('training', 'trainingDate'),
    };
    setBusy(true);
    setDone('');
    try {
      const { grant } = await post<{ grant: Grant }>('/api/grants', { draft });
      setProblems([]);
      setDone(t('issued', { name: grant.holder.name }));
      (event.target as HTMLFormElement).reset();
      onIssued(grant.id);
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="grant-form" onSubmit={submit} aria-describedby={problems.length ? 'issue-problems' : undefined}>
      <div class="fields">
        <label>
          {t('name')} <input name="name" required autoComplete="off" />
        </label>
        <label>
          {t('email')} <input name="email" type="email" required autoComplete="off" />
        </label>
        <label class="for-select">
          <span id="g-role-l">{t('role')}</span>
          <select aria-labelledby="g-role-l" name="role">
            {policy.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {t.text(r.name)}
              </option>
            ))}
          </select>
        </label>
        {sectioned && (
          <>
            <label>
              {t('sectionNumber')} <input name="section" inputMode="numeric" required />
            </label>
            <label>
              {t('sectionName')} <input name="sectionName" />
            </label>
          </>
        )}
        {tasked && (
          <>
            <label>
              {t('task')} <input name="task" required />
            </label>
            <label>
              {t('taskEnds')} <input name="taskEnds" type="date" required />
            </label>
          </>
        )}
        {policy.classification && (
          <label class="for-select">
            <span id="g-clearance-l">{t('clearance')}</span>
            <select aria-labelledby="g-clearance-l" name="clearance">
              <option value="">—</option>
              {policy.classification.levels.map((l) => (
                <option key={l.id} value={l.id}>
                  {t.text(l.name)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('declarationDate')} <input name="declaration" type="date" />
        </label>
        <label>
          {t('trainingDate')} <input name="training" type="date" />
        </label>
        <label>
          {t('expires')} <input name="expires" type="date" required />
        </label>
      </div>
      <fieldset>
        <legend>{t('platforms')}</legend>
        {policy.platforms.map((p) => (
          <label key={p.id} class="check">
            <input type="checkbox" name="platforms" value={p.id} defaultChecked={((template.platforms as string[]) ?? []).includes(p.id)} /> {t.text(p.name)}
          </label>
        ))}
      </fieldset>
      <Problems id="issue-problems" problems={problems} />
      <button type="submit" disabled={busy}>
        {t('issue')}
      </button>
      <Done text={done} />
    </form>
  );
}
