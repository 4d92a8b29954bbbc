import type { VigieState } from '../../lib/state/snapshot';
import { EventList } from '../../lib/ui/event-list';
import { HealthList } from '../../lib/ui/health-list';
import { PolicyPanel } from '../../lib/ui/policy-panel';
import { popupView } from '../../lib/ui/popup-view';
import { ScopeCard } from '../../lib/ui/scope-card';
import { StatusPanel } from '../../lib/ui/status-panel';
import { SenderAnswersList } from '../../lib/ui/sender-answers-list';

export interface PopupActions {
  openOptions: () => void;
  /** Syncs the policy now, then shows the new state. */
  syncNow: () => Promise<void>;
  /** Logs the report and opens the prefilled message (clause 7.7). */
  reportCompromise: () => Promise<void>;
  /** Forgets what the person said a webmail mailbox sends from: the next send asks again. */
  forgetSenderAnswer: (mailbox: string) => Promise<void>;
}

/**
 * The popup reads from the top: what the person may do (one sentence), what to fix (each problem
 * with its button), then the details; the policy, sync and platform health are folded for IT.
 */
export function App({ state, actions, granted = [] }: { state: VigieState; actions: PopupActions; granted?: readonly string[] }) {
  const view = popupView(state, granted);
  return (
    <main class="popup">
      <h1>Vigie</h1>
      <StatusPanel view={view.status} onOptions={actions.openOptions} onSync={actions.syncNow} />
      {view.scope && <ScopeCard heading={view.scopeHeading} scope={view.scope} note={view.grantNote} />}
      <section class="card report" aria-labelledby="report-heading">
        <h2 id="report-heading">{view.report.heading}</h2>
        <p>{view.report.help}</p>
        <button type="button" class="danger" onClick={actions.reportCompromise}>
          {view.report.button}
        </button>
      </section>
      <SenderAnswersList view={view.senderAnswers} onForget={(mailbox) => void actions.forgetSenderAnswer(mailbox)} />
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{view.eventsHeading}</h2>
        <EventList events={view.events} empty={view.noEvents} />
        {view.eventsSkipped && <p>{view.eventsSkipped}</p>}
      </section>
      <section aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">{view.remindersHeading}</h2>
        <ul class="reminders">
          {view.reminders.map((r) => (
            <li key={r.clause}>
              <strong>{r.clause}</strong> — {r.text}
            </li>
          ))}
        </ul>
      </section>
      <details class="it-details">
        <summary>{view.itDetails}</summary>
        <PolicyPanel view={view.policy} onCheck={actions.syncNow} />
        <HealthList heading={view.healthHeading} lines={view.health} />
      </details>
      <p>
        <button type="button" class="secondary" onClick={actions.openOptions}>
          {view.openOptions}
        </button>
      </p>
    </main>
  );
}
