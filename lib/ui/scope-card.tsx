import { Rows } from './rows';
import type { ScopeView } from './scope-view';

/** The access scope card, the details under the popup's opening sentence; every value is rendered as text. */
export function ScopeCard({ heading, scope, note }: { heading: string; scope: ScopeView; note?: string }) {
  return (
    <section class={`card scope scope-${scope.kind === 'grant' ? scope.status : 'none'}`} aria-labelledby="scope-heading">
      <h2 id="scope-heading">{heading}</h2>
      {scope.kind === 'none' ? (
        <>
          <p class="scope-title">{scope.title}</p>
        </>
      ) : (
        <>
          <p class={`status status-${scope.status}`}>{scope.statusText}</p>
          <Rows rows={scope.rows} />
          <h3>{scope.authorizationsHeading}</h3>
          {scope.authorizationsVoid && <p class="alert">{scope.authorizationsVoid}</p>}
          {scope.authorizations.length > 0 ? (
            <ul>
              {scope.authorizations.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p>{scope.noAuthorizations}</p>
          )}
        </>
      )}
      {note && <p class="note">{note}</p>}
    </section>
  );
}
