import { EventList } from '../../lib/ui/event-list';
import { popupView } from '../../lib/ui/popup-view';
import { Rows } from '../../lib/ui/rows';
import { ScopeCard } from '../../lib/ui/scope-card';
import type { VigieState } from '../../lib/state/snapshot';

export interface PopupActions {
  openOptions: () => void;
}

export function App({ state, actions }: { state: VigieState; actions: PopupActions }) {
  const view = popupView(state);
  return (
    <main class="popup">
      <h1>Vigie</h1>
      <section aria-labelledby="policy-heading">
        <h2 id="policy-heading">{view.policyHeading}</h2>
        <Rows rows={view.policyRows} />
        {view.policyWarning && <p class="alert">{view.policyWarning}</p>}
      </section>
      <ScopeCard heading={view.scopeHeading} scope={view.scope} />
      <p>
        <button type="button" onClick={actions.openOptions}>
          {view.openOptions}
        </button>
      </p>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{view.eventsHeading}</h2>
        <EventList events={view.events} empty={view.noEvents} />
        {view.eventsSkipped && <p>{view.eventsSkipped}</p>}
      </section>
      <section aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">{view.remindersHeading}</h2>
        <ul>
          {view.reminders.map((r) => (
            <li key={r.clause}>
              <strong>{r.clause}</strong> — {r.text}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
