import type { SenderAnswersView } from './sender-answers-view';

/** The remembered answers about webmail senders, each with a button to forget it (Vigie then asks again). */
export function SenderAnswersList({ view, onForget }: { view: SenderAnswersView; onForget: (mailbox: string) => void }) {
  if (view.lines.length === 0) return null;
  return (
    <section aria-labelledby="sender-answers-heading">
      <h2 id="sender-answers-heading">{view.heading}</h2>
      <ul class="sender-answers">
        {view.lines.map((line) => (
          <li key={line.mailbox}>
            {line.text}{' '}
            <button type="button" class="secondary" aria-label={`${view.forget} — ${line.mailbox}`} onClick={() => onForget(line.mailbox)}>
              {view.forget}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
