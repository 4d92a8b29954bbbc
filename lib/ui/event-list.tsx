import type { EventLine } from './event-words';

export function EventList({ events, empty }: { events: readonly EventLine[]; empty?: string }) {
  if (events.length === 0) return <p>{empty}</p>;
  return (
    <ul class="events">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.iso}>{e.when}</time> {e.text}
        </li>
      ))}
    </ul>
  );
}
