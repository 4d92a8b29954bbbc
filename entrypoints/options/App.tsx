import { useState } from 'preact/hooks';
import type { ImportReply, Rejected } from '../../lib/messaging/protocol';
import type { LanguageSetting } from '../../lib/state/settings';
import type { VigieState } from '../../lib/state/snapshot';
import { HostAccessSection } from '../../lib/ui/host-access';
import { LogSection, type LogActions } from '../../lib/ui/log-section';
import { importOutcome, optionsView, type OptionsView } from '../../lib/ui/options-view';
import { PolicyPanel } from '../../lib/ui/policy-panel';
import { Rows } from '../../lib/ui/rows';

const MAX_GRANT_BYTES = 64 * 1024;

export interface OptionsActions extends LogActions {
  importGrant: (token: string) => Promise<ImportReply | Rejected>;
  removeGrant: () => Promise<void>;
  setLanguage: (language: LanguageSetting) => Promise<void>;
  syncNow: () => Promise<void>;
  /** Asks the background for the state again and re-renders. */
  refresh: () => Promise<void>;
}

export function App({ state, actions }: { state: VigieState; actions: OptionsActions }) {
  const view = optionsView(state);
  const onLanguage = async (event: Event) => {
    await actions.setLanguage((event.currentTarget as HTMLSelectElement).value as LanguageSetting);
    await actions.refresh();
  };
  return (
    <main class="options">
      <h1>{view.title}</h1>
      <GrantSection view={view} actions={actions} />
      <PolicyPanel view={view.policy} heading={view.policyHeading} onCheck={actions.syncNow} />
      <HostAccessSection policy={state.policy.policy} lang={view.lang} />
      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{view.languageHeading}</h2>
        <label for="language">{view.languageLabel}</label>{' '}
        <select id="language" value={view.language} onChange={onLanguage}>
          {view.languageOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </section>
      <LogSection state={state} view={view} actions={actions} />
    </main>
  );
}

function GrantSection({ view, actions }: { view: OptionsView; actions: OptionsActions }) {
  const [token, setToken] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();

  const onImport = async (event: Event) => {
    event.preventDefault();
    if (token.trim() === '') return setOutcome({ ok: false, text: view.importEmpty });
    const result = importOutcome(await actions.importGrant(token.trim()), view.lang);
    setOutcome(result);
    if (result.ok) setToken('');
    await actions.refresh();
  };
  const onFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    // A grant is a few kilobytes; do not read a large file the background would refuse anyway.
    if (file.size > MAX_GRANT_BYTES) return setOutcome({ ok: false, text: view.importUnreadable });
    setToken(await file.text());
  };
  const [confirming, setConfirming] = useState(false);
  const onRemove = async () => {
    setConfirming(false);
    await actions.removeGrant();
    setOutcome(undefined);
    await actions.refresh();
  };
  // Focus goes to "No, keep it" when the question appears, so Enter never removes by accident.
  const keepRef = (el: HTMLButtonElement | null) => el?.focus();

  return (
    <section aria-labelledby="grant-heading">
      <h2 id="grant-heading">{view.grantHeading}</h2>
      <p id="current-grant">{view.currentGrant}</p>
      {view.grantRows.length > 0 && <Rows rows={view.grantRows} />}
      {view.managedGrant ? (
        <p class="note">{view.managedGrant}</p>
      ) : (
        <>
          {view.canRemove && !confirming && (
            <p>
              <button type="button" class="secondary" onClick={() => setConfirming(true)}>
                {view.removeButton}
              </button>
            </p>
          )}
          {view.canRemove && confirming && (
            <div class="confirm" role="alertdialog" aria-labelledby="remove-question" onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
              <p id="remove-question">{view.removeConfirm.question}</p>
              <p>
                <button type="button" class="danger" onClick={onRemove}>
                  {view.removeConfirm.yes}
                </button>{' '}
                <button type="button" ref={keepRef} onClick={() => setConfirming(false)}>
                  {view.removeConfirm.no}
                </button>
              </p>
            </div>
          )}
          <form onSubmit={onImport}>
            <p>
              <label for="grant-text">{view.textLabel}</label>
            </p>
            <textarea id="grant-text" aria-describedby="grant-help" value={token} onInput={(e) => setToken(e.currentTarget.value)} spellcheck={false} />
            <p id="grant-help">{view.textHelp}</p>
            <p>
              <label for="grant-file">{view.fileLabel}</label>{' '}
              <input id="grant-file" type="file" accept=".txt,.json,.vigie,text/plain,application/json" onChange={onFile} />
            </p>
            <p>
              <button type="submit">{view.importButton}</button>
            </p>
          </form>
        </>
      )}
      {outcome && (
        <p class={outcome.ok ? 'ok' : 'alert'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
