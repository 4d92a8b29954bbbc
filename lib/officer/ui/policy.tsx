import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Policy } from '../../core/policy';
import { lineDiff } from '../line-diff';
import { checkPolicyText } from '../policy-text';
import { get, post } from './api';
import { useT } from './i18n';
import { Done, Loading, Problems, problemsOf, useLoad } from './parts';
import { PolicyWordsView } from './policy-words-view';

interface PolicyState {
  latest: { version: number; policy: Policy } | null;
  published: Policy | null;
  publishedMatches: boolean;
  revoked: { id: string; name: string | null }[];
}

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

export function PolicyScreen() {
  const t = useT();
  const { data, error, reload } = useLoad(() => get<PolicyState>('/api/policy'));
  if (!data?.latest) return <Loading error={error} />;
  return (
    <section aria-labelledby="policy-h">
      <h2 id="policy-h">
        {t('policy')} — {t.text(data.latest.policy.title)} (v{data.latest.version})
      </h2>
      <PolicyWordsView policy={data.latest.policy} />
      <h3>{t('revokedList')}</h3>
      {data.revoked.length === 0 ? (
        <p>{t('noRevoked')}</p>
      ) : (
        <ul>
          {data.revoked.map((r) => (
            <li key={r.id}>
              <code>{r.id}</code> {r.name ?? ''}
            </li>
          ))}
        </ul>
      )}
      <Editor version={data.latest.version} start={pretty(data.latest.policy)} published={data.published ? pretty(data.published) : ''} onSigned={reload} />
    </section>
  );
}

/**
 * JSON editor with validation on every keystroke (the same checks the server runs), diff, sign.
 * When a newer version is signed elsewhere (another tab, the `vigie` command), an untouched text
 * follows it; a text being edited is kept, with a notice and a button to start again from it, so
 * neither the edits nor the other change are lost without the officer knowing.
 */
function Editor({ version, start, published, onSigned }: { version: number; start: string; published: string; onSigned: () => void }) {
  const t = useT();
  const [text, setText] = useState(start);
  const [base, setBase] = useState({ version, start });
  const signedHere = useRef(0);
  useEffect(() => {
    if (version === base.version) return;
    if (text === base.start || version === signedHere.current) {
      setText(start);
      setBase({ version, start });
    }
  }, [version, start]);
  const takeNewer = () => {
    setText(start);
    setBase({ version, start });
  };
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const check = useMemo(() => checkPolicyText(text), [text]);
  const diff = useMemo(() => lineDiff(published, text), [published, text]);
  const changed = diff.some((l) => l.kind !== 'same');
  const sign = async () => {
    try {
      const { version: signed } = await post<{ version: number }>('/api/policy/sign', { text, reason });
      signedHere.current = signed;
      setReason('');
      setProblems([]);
      onSigned();
      setDone(t('signed', { version: signed }));
    } catch (error) {
      setProblems(problemsOf(error));
    }
  };
  return (
    <>
      <h3>{t('editJson')}</h3>
      {version !== base.version && (
        <div role="status" class="warning">
          <p>{t('newerVersion', { version, base: base.version })}</p>
          <button type="button" onClick={takeNewer}>
            {t('takeNewer', { version })}
          </button>
        </div>
      )}
      <label class="visually-hidden" for="policy-json">
        {t('editJson')}
      </label>
      <textarea id="policy-json" class="json" rows={20} spellcheck={false} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} aria-describedby="policy-check" aria-invalid={!check.ok} />
      <div id="policy-check" aria-live="polite">
        {check.ok ? <p class="ok">{t('valid')}</p> : <Problems problems={check.problems} />}
      </div>
      <h3>{t('diffHeading')}</h3>
      {changed ? (
        <pre class="diff" tabIndex={0} aria-label={t('diffHeading')}>
          {diff.map((l, i) => (
            <span key={i} class={l.kind}>
              {l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '− ' : '  '}
              {l.text}
              {'\n'}
            </span>
          ))}
        </pre>
      ) : (
        <p>{t('noChange')}</p>
      )}
      <label>
        {t('signReason')} <input value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      </label>
      <Problems problems={problems} />
      <button type="button" onClick={sign} disabled={!check.ok}>
        {t('signAndWrite')}
      </button>
      <Done text={done} />
    </>
  );
}
