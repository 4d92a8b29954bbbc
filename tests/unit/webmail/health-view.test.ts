import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../lib/packs';
import { healthView, lookupWords } from '../../../lib/ui/health-view';
import { lookupProblem } from '../../../lib/webmail/health';

describe('health that names the lookup that failed', () => {
  it('a report names its lookup in the log; the popup says it in plain words', () => {
    const detail = `outlook: ${lookupProblem('body', 'a compose whose message body it cannot find')}; ${lookupProblem('sendButtons', 'no Send')}`;
    expect(detail).toMatch(/lookup=body: .*lookup=sendButtons: /);
    expect(lookupWords(detail, 'fr')).toBe('le corps du message, le bouton Envoyer');
    expect(lookupWords(detail, 'en')).toBe('the message body, the Send button');
    expect(lookupWords('gmail: no policy from the background', 'en')).toBeUndefined();
    expect(lookupWords('lookup=unknownThing: x', 'en')).toBeUndefined();
  });

  it('degraded lines say what is missing; an unreadable sender is "sender unknown", not degraded', () => {
    const time = Date.UTC(2026, 10, 28, 10);
    const lines = healthView(
      DEFAULT_POLICY,
      {
        gmail: { time, status: 'degraded', detail: `gmail: ${lookupProblem('scheduleItem', 'x')}` },
        outlook: { time, status: 'sender-unknown', detail: `outlook: ${lookupProblem('sender', 'x')}` },
      },
      {},
      'en',
    );
    const gmail = lines.find((l) => l.platform === 'Gmail')!;
    expect(gmail.status).toBe('degraded');
    expect(gmail.help).toMatch(/^Vigie can no longer find: the Schedule send choice\./);
    const outlook = lines.find((l) => l.platform === 'Outlook on the web')!;
    expect(outlook.status).toBe('sender-unknown');
    expect(outlook.text).toMatch(/^Sender unknown/);
    expect(outlook.help).toMatch(/asks you at the first send/);
    const fr = healthView(DEFAULT_POLICY, { outlook: { time, status: 'sender-unknown' } }, {}, 'fr').find((l) => l.status === 'sender-unknown')!;
    expect(fr.text).toMatch(/^Expéditeur inconnu/);
  });
});
