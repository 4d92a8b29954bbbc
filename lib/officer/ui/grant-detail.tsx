import { useEffect, useRef, useState } from 'preact/hooks';
import { endOfDay } from '../dates';
import type { RegisterEntry } from '../register-service';
import { get, post } from './api';
import type { Choices } from './grant-form';
import { day, useT } from './i18n';
import { Done, Loading, Problems, problemsOf, useLoad } from './parts';
import { QrCode } from './qr-code';
import { RevokeDialog } from './revoke-dialog';
import { STATES } from './strings';

interface Detail {
  entry: RegisterEntry;
  token?: string;
  message?: { subject: string; body: string };
  qr?: string[] | null;
}

/** One grant: its token, the message to send, its QR code; renew, authorize an export, revoke. */
export function GrantDetail({ id, choices, onChanged, onClose }: { id: string; choices: Choices; onChanged: () => void; onClose: () => void }) {
  const t = useT();
  const { data, error, reload } = useLoad(() => get<Detail>(`/api/grants/${encodeURIComponent(id)}`), [id]);
  const [done, setDone] = useState('');
  const [problems, setProblems] = useState<{ where: string; list: string[] }>({ where: '', list: [] });
  const [revoking, setRevoking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [id, !!data]);
  if (!data) return <Loading error={error} />;
  const { entry } = data;
  const inForce = entry.state === 'active' || entry.state === 'expiring';

  const act = (where: string, path: string, body: unknown, message: string) => async (event: Event) => {
    event.preventDefault();
    setDone('');
    try {
      await post(path, body);
      setProblems({ where: '', list: [] });
      setDone(message);
      (event.target as HTMLFormElement).reset?.();
      reload();
      onChanged();
    } catch (e) {
      setProblems({ where, list: problemsOf(e) });
    }
  };
  const field = (event: Event, name: string) => String(new FormData(event.target as HTMLFormElement).get(name) ?? '').trim();

  return (
    <section class="detail" aria-labelledby="detail-h">
      <h3 id="detail-h" tabIndex={-1} ref={heading}>
        {t('grantOf', { name: entry.holder.name })} — {t.text(STATES[entry.state]!)}
      </h3>
      <button type="button" class="close" onClick={onClose}>
        {t('close')}
      </button>
      <p>
        {entry.holder.email} · {entry.section ? `${t('section')} ${entry.section} · ` : ''}
        {t('until')} {day(entry.endsAt, t.lang)} · <code>{entry.id}</code>
      </p>
      {entry.revokedReason && (
        <p>
          {t('reason')} : {entry.revokedReason}
        </p>
      )}
      {entry.exportAuthorizations.length > 0 && (
        <>
          <h4>{t('authorizations')}</h4>
          <ul>
            {entry.exportAuthorizations.map((a) => (
              <li key={a.reference}>
                {a.platform} — {a.purpose} ({a.reference}), {t('until')} {day(a.expires, t.lang)}
              </li>
            ))}
          </ul>
        </>
      )}
      <Done text={done} />
      {data.token ? (
        <div class="handout">
          <label>
            {t('token')}
            <textarea readOnly rows={3} value={data.token} data-testid="grant-token" />
          </label>
          <label>
            {t('message')}
            <textarea readOnly rows={10} value={`${data.message!.subject}\n\n${data.message!.body}`} />
          </label>
          <button type="button" onClick={() => navigator.clipboard.writeText(`${data.message!.subject}\n\n${data.message!.body}`).then(() => setDone(t('copied')))}>
            {t('copyMessage')}
          </button>
          {data.qr ? <QrCode rows={data.qr} label={t('qr')} /> : <p>{t('qrTooLong')}</p>}
        </div>
      ) : (
        <p>{t('noToken')}</p>
      )}
      {inForce && data.token && (
        <div class="actions">
          <form onSubmit={(e) => act('renew', `/api/grants/${id}/renew`, { expiresAt: endOfDay(field(e, 'expires')) }, t('renewed'))(e)}>
            <h4>{t('renew')}</h4>
            <label>
              {t('newExpiry')} <input type="date" name="expires" required />
            </label>
            {problems.where === 'renew' && <Problems problems={problems.list} />}
            <button type="submit">{t('renew')}</button>
          </form>
          <form
            onSubmit={(e) =>
              act('auth', `/api/grants/${id}/authorizations`, {
                authorization: { platform: field(e, 'platform'), purpose: field(e, 'purpose'), reference: field(e, 'reference'), expires: endOfDay(field(e, 'authExpires')) },
              }, t('authorized'))(e)
            }
          >
            <h4>{t('exportAuth')}</h4>
            <label class="for-select">
              <span id="d-platform-l">{t('platform')}</span>
              <select aria-labelledby="d-platform-l" name="platform">
                {choices.policy.platforms.filter((p) => p.surfaces.some((s) => s === 'download' || s === 'export-click')).map((p) => (
                  <option key={p.id} value={p.id}>
                    {t.text(p.name)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('purpose')} <input name="purpose" required minLength={3} />
            </label>
            <label>
              {t('reference')} <input name="reference" required />
            </label>
            <label>
              {t('authExpires')} <input type="date" name="authExpires" required />
            </label>
            {problems.where === 'auth' && <Problems problems={problems.list} />}
            <button type="submit">{t('addAndReissue')}</button>
          </form>
        </div>
      )}
      {entry.state !== 'revoked' && (
        <button type="button" class="danger" onClick={() => setRevoking(true)}>
          {t('revoke')}
        </button>
      )}
      {revoking && (
        <RevokeDialog
          entry={entry}
          onClose={() => setRevoking(false)}
          onRevoked={(version) => {
            setRevoking(false);
            setDone(t('revokedDone', { version }));
            reload();
            onChanged();
          }}
        />
      )}
    </section>
  );
}
