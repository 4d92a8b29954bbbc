import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../lib/core/text';
import type { StoredEvent } from '../../lib/log/database';
import { DEFAULT_POLICY } from '../../lib/packs';
import type { VigieState } from '../../lib/state/snapshot';
import { EMPTY_SYNC, type SyncStatus } from '../../lib/sync/sync-status';
import { auditCsv, auditCsvName, csvHeader, csvLines } from '../../lib/ui/audit-csv';
import { localClock } from '../../lib/ui/local-clock';
import { describeEvent } from '../../lib/ui/event-words';
import { healthView } from '../../lib/ui/health-view';
import { logQuery, logTableView, LOG_TABLE_ROWS } from '../../lib/ui/log-view';
import { optionsView } from '../../lib/ui/options-view';
import { policyView } from '../../lib/ui/policy-view';
import { popupView } from '../../lib/ui/popup-view';
import { compromiseReport } from '../../lib/ui/report-view';
import { sampleGrant } from './helpers';

const NOW = Date.parse('2026-11-22T17:30:00Z');

// Times are shown in the person's time zone; these expectations are written for UTC.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterAll(() => {
  process.env.TZ = zone;
});
const grant = sampleGrant();

function state(lang: Lang, extra: Partial<VigieState> = {}): VigieState {
  return {
    lang,
    settings: { language: 'auto' },
    policy: { policy: DEFAULT_POLICY, source: 'default' },
    grant: { state: 'held', grant, status: 'valid' },
    recent: { events: [], skipped: 0 },
    sync: EMPTY_SYNC,
    health: {},
    seen: {},
    now: NOW,
    ...extra,
  };
}

const base = { ruleIds: [], clauses: [], findings: [] };
const event = (id: number, fields: Partial<StoredEvent>): StoredEvent => ({ ...base, id, time: NOW - id * 60_000, platform: 'vigie', surface: 'policy', action: 'x', ...fields });

describe('policyView', () => {
  const sync = (s: Partial<SyncStatus>): SyncStatus => ({ ...EMPTY_SYNC, ...s });

  it('names the policy server by its host, and says when it last synced', () => {
    const view = policyView(
      { policy: { policy: { ...DEFAULT_POLICY, version: 4 }, source: 'url', signedBy: 'Clé du bureau national' }, sync: sync({ url: 'https://politiques.acep-cape.ca/acep.json', configured: ['url'], lastSuccess: NOW }) },
      'fr',
    );
    expect(view.rows.map((r) => [r.term, r.value])).toEqual([
      ['Organisation', 'ACEP'],
      ['Numéro de mise à jour', '4'],
      ['Source', 'Serveur de politique (politiques.acep-cape.ca)'],
      ['Certifiée par', 'Clé du bureau national'],
      ['Dernière vérification', '22 nov. 2026, 17 h 30'],
    ]);
    expect(view.problems).toEqual([]);
  });

  it('words every problem, says the last good policy stays, and when the next try is', () => {
    const view = policyView(
      {
        policy: { policy: DEFAULT_POLICY, source: 'url' },
        sync: sync({
          configured: ['managed', 'url'],
          url: 'https://p.example.org/x.json',
          nextRetry: NOW + 4 * 60_000,
          problems: [
            { source: 'url', code: 'http-error', status: 503 },
            { source: 'managed', code: 'rollback', version: 3 },
            { source: 'url', code: 'unreachable' },
            { source: 'grant', code: 'unknown-key' },
          ],
        }),
      },
      'en',
    );
    expect(view.problems).toEqual([
      'Policy server: the server answered with an error (503).',
      'Policy in the IT configuration: This policy is older than the one already in force. (update 3)',
      'Policy server: server unreachable (network, server address, or a server that refuses Vigie’s requests).',
      'Access authorization provided by IT: This document does not come from a source your organisation approved.',
    ]);
    expect(view.kept).toBe('The policy in force stays this one, the last that was verified.');
    expect(view.rows.find((r) => r.term === 'Last checked')?.value).toBe('never');
    expect(view.rows.find((r) => r.term === 'Next try')?.value).toBe('Nov 22, 2026, 5:34 p.m.');
  });

  it('says so when no source is configured', () => {
    const view = policyView({ policy: { policy: DEFAULT_POLICY, source: 'default' }, sync: EMPTY_SYNC }, 'en');
    expect(view.rows.at(-1)).toEqual({ term: 'Updates', value: 'No update source: the policy does not change by itself.' });
  });
});

describe('healthView', () => {
  it('shows each guarded platform as working, degraded or not seen since start-up', () => {
    const lines = healthView(
      DEFAULT_POLICY,
      { gmail: { time: NOW, status: 'degraded', detail: 'send button not found' }, 'action-builder': { time: NOW - 1000, status: 'ok' } },
      { 'action-network': { time: NOW - 5000, origin: 'https://actionnetwork.org' }, gmail: { time: NOW, origin: 'https://mail.google.com' } },
      'fr',
    );
    expect(lines.map((l) => [l.platform, l.status])).toEqual([
      ['Action Network', 'ok'],
      ['Action Builder', 'ok'],
      ['Gmail', 'degraded'],
      ['Outlook sur le Web', 'unseen'],
    ]);
    expect(lines[2]).toMatchObject({ text: 'Fonctionnement dégradé (22 nov. 2026, 17 h 30)', help: expect.stringContaining('rechargez-la') });
    expect(lines[3]?.text).toBe('Pas encore ouverte depuis le démarrage');
  });

  it('leaves out platforms no adapter guards (another organisation’s policy)', () => {
    const policy = { ...DEFAULT_POLICY, platforms: [...DEFAULT_POLICY.platforms, { ...DEFAULT_POLICY.platforms[0]!, id: 'flickr', hosts: ['*.flickr.com'] }] };
    expect(healthView(policy, {}, {}, 'en').map((l) => l.platform)).not.toContain('flickr');
    expect(healthView(policy, {}, {}, 'en')).toHaveLength(4);
  });
});

describe('compromiseReport', () => {
  const events = [
    event(1, { platform: 'action-network', surface: 'export-click', action: 'decided', verdict: 'block' }),
    event(2, { platform: 'gmail', surface: 'send', action: 'overridden', verdict: 'warn' }),
  ];

  it('writes to the incident address with who, when, what was seen and the last events, French first', () => {
    const report = compromiseReport(state('fr', { recent: { events, skipped: 0 } }), new Date(NOW), '0.1.0');
    expect(report.to).toBe('incident@acep-cape.ca');
    expect(report.subject).toBe("Signalement d’une compromission soupçonnée — Section locale 70 – Ottawa / Suspected compromise report — Local 70 – Ottawa");
    const [fr, en] = report.body.split('\n\n— — —\n\n');
    expect(fr!.split('\n')).toEqual([
      'Bonjour,',
      '',
      'Je signale une compromission soupçonnée de renseignements des membres (article 7.7).',
      '',
      'Compte\u00a0: Marie Tremblay <marie.tremblay@example.org>',
      'Unité\u00a0: Section locale 70 – Ottawa',
      'Comptes de la section\u00a0: sl70@acep-cape.ca',
      "Autorisation d’accès\u00a0: g-2026-0070-01 (En vigueur)",
      'Heure du signalement\u00a0: 22 nov. 2026, 17 h 30 (2026-11-22T17:30:00.000Z)',
      '',
      "Ce que j’ai constaté\u00a0: [décrivez ici ce que vous avez vu, quand et sur quelle plateforme]",
      '',
      'Derniers événements consignés par Vigie\u00a0:',
      '- 22 nov. 2026, 17 h 29 — Action Network — exportation\u00a0: blocage',
      '- 22 nov. 2026, 17 h 28 — Gmail — envoi de courriel\u00a0: dérogation justifiée',
      '',
      'Politique\u00a0: ACEP, mise à jour n° 1\u00a0; Vigie 0.1.0',
    ]);
    expect(en).toContain('Account: Marie Tremblay <marie.tremblay@example.org>');
    expect(en).toContain('- Nov 22, 2026, 5:29 p.m. — Action Network — export: blocked');
  });

  it('is a mailto: link with CRLF line breaks that decodes back to the message', () => {
    const report = compromiseReport(state('en', { grant: { state: 'missing' } }), new Date(NOW), '0.1.0');
    expect(report.href.startsWith('mailto:incident@acep-cape.ca?subject=')).toBe(true);
    const url = new URL(report.href);
    expect(url.searchParams.get('subject')).toBe('Suspected compromise report — CAPE / Signalement d’une compromission soupçonnée — ACEP');
    expect(url.searchParams.get('body')).toBe(report.body.replace(/\n/g, '\r\n'));
    expect(report.body).toContain('Access authorization: none');
    expect(report.href).not.toMatch(/[ \n]/);
  });
});

describe('audit CSV', () => {
  it('one row per event, oldest first, RFC 4180 quoting, formulas defused', () => {
    const csv = auditCsv(
      [
        event(1, { platform: 'gmail', surface: 'send', action: 'overridden', verdict: 'warn', clauses: ['9.1', '9.2'], justification: '=HYPERLINK("x") "urgent", ok\nsecond line', senderDomain: 'acep-cape.ca' }),
        event(2, { platform: 'action-network', surface: 'download', action: 'decided', verdict: 'block', origin: 'https://actionnetwork.org', path: '/reports/x/manage', counts: { rows: 120 }, policyId: 'acep-member-data', policyVersion: 3 }),
      ],
      DEFAULT_POLICY,
      'fr',
      localClock('UTC'),
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Date et heure (UTC),Plateforme,Type d’action,Suite donnée,Décision,Description,Articles,Règles,Constats,Site,Page,Domaine de l’adresse d’envoi,Adresses courriel (nombre),Numéros de téléphone (nombre),Lignes (nombre),Justification,Détail,Politique,Mise à jour de la politique (n°),Autorisation d’accès');
    expect(lines[1]).toBe('2026-11-22T17:28:00+00:00,action-network,download,decided,block,Action Network — téléchargement\u00a0: blocage,,,,https://actionnetwork.org,/reports/x/manage,,,,120,,,acep-member-data,3,');
    expect(lines[2]).toBe('2026-11-22T17:29:00+00:00,gmail,send,overridden,warn,Gmail — envoi de courriel\u00a0: dérogation justifiée,9.1 9.2,,,,,acep-cape.ca,,,,"\'=HYPERLINK(""x"") ""urgent"", ok\nsecond line",,,,');
    expect(lines).toHaveLength(4);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes headers in the person\'s language and times on their clock, with the offset', () => {
    const csv = auditCsv([event(1, { platform: 'gmail', surface: 'send', action: 'decided', verdict: 'allow' })], DEFAULT_POLICY, 'en', localClock('America/Toronto'));
    const [header, line] = csv.split('\r\n');
    expect(header!.startsWith('Date and time (America/Toronto),Platform,Kind of action,Outcome,Decision,Description,')).toBe(true);
    expect(line!.startsWith('2026-11-22T12:29:00-05:00,gmail,send,decided,allow,Gmail — email send: allowed')).toBe(true);
  });

  it('keeps an unreadable entry as a marked line, and splits into chunks that join to the same file', () => {
    const clock = localClock('UTC');
    const events = [event(1, { platform: 'gmail', surface: 'send', action: 'decided', verdict: 'allow' }), event(2, { platform: 'gmail', surface: 'send', action: 'decided', verdict: 'warn' })];
    const rows = [...events].sort((a, b) => a.time - b.time).map((e) => ({ ok: true as const, event: e }));
    expect(csvHeader('fr', clock) + csvLines(rows.slice(0, 1), DEFAULT_POLICY, 'fr', clock) + csvLines(rows.slice(1), DEFAULT_POLICY, 'fr', clock)).toBe(auditCsv(events, DEFAULT_POLICY, 'fr', clock));
    expect(csvLines([{ ok: false, id: 7 }], DEFAULT_POLICY, 'en', clock)).toBe(',,,,,unreadable entry (7),,,,,,,,,,,,,,\r\n');
  });

  it('is named after the day', () => {
    expect(auditCsvName(new Date(2026, 10, 22, 23, 59))).toBe('vigie-audit-log-2026-11-22.csv');
  });
});

describe('the options page log', () => {
  it('turns the filters into a query: whole local days, empty fields ignored, unknown verdicts dropped', () => {
    expect(logQuery({ platform: '', verdict: '', from: '', to: '' })).toEqual({});
    const q = logQuery({ platform: 'gmail', verdict: 'block', from: '2026-11-01', to: '2026-11-22' });
    expect(q).toEqual({ platform: 'gmail', verdict: 'block', from: new Date(2026, 10, 1).getTime(), to: new Date(2026, 10, 23).getTime() - 1 });
    expect(logQuery({ platform: '', verdict: 'maybe', from: 'yesterday', to: '' })).toEqual({});
  });

  it('shows one page of LOG_TABLE_ROWS rows with where it stands and links to the other pages, the platform in its own column', () => {
    const page = Array.from({ length: LOG_TABLE_ROWS }, (_, i) => ({ ok: true as const, event: event(i + 1, { platform: 'action-network', surface: 'export-click', action: 'decided', verdict: 'block', clauses: ['7.2'] }) }));
    const total = 3 * LOG_TABLE_ROWS + 5;
    const view = logTableView(page, LOG_TABLE_ROWS, total, state('fr'));
    expect(view.rows).toHaveLength(LOG_TABLE_ROWS);
    expect(view.count).toBe(`Événements ${LOG_TABLE_ROWS + 1} à ${2 * LOG_TABLE_ROWS} sur ${total}`);
    expect(view).toMatchObject({ previous: 0, next: 2 * LOG_TABLE_ROWS, last: 3 * LOG_TABLE_ROWS });
    expect(view.rows[0]).toMatchObject({ platform: 'Action Network', text: 'Exportation\u00a0: blocage', clauses: '7.2', verdict: 'block' });
    expect(logTableView([], 0, 0, state('en'))).toMatchObject({ count: 'Events: 0', empty: 'No events yet.', previous: undefined, next: undefined, last: undefined });
    expect(logTableView(page.slice(0, 5), 3 * LOG_TABLE_ROWS, total, state('en')).count).toBe(`Events ${3 * LOG_TABLE_ROWS + 1} to ${total} of ${total}`);
  });

  it('shows a page before its count arrives: says it is counting, offers the next page, not the oldest', () => {
    const page = Array.from({ length: LOG_TABLE_ROWS }, (_, i) => ({ ok: true as const, event: event(i + 1, { platform: 'gmail', surface: 'send', action: 'decided', verdict: 'allow' }) }));
    const counting = logTableView(page, 0, undefined, state('en'));
    expect(counting).toMatchObject({ count: `Events 1 to ${LOG_TABLE_ROWS} (counting…)`, paged: true, next: LOG_TABLE_ROWS });
    expect([counting.previous, counting.last]).toEqual([undefined, undefined]);
    expect(logTableView(page, 0, undefined, state('fr')).count).toBe(`Événements 1 à ${LOG_TABLE_ROWS} (décompte en cours…)`);
    // Fewer rows than a page: that is the whole log, counted already.
    expect(logTableView(page.slice(0, 5), 0, undefined, state('en'))).toMatchObject({ count: 'Events: 5', paged: false, next: undefined });
    expect(logTableView([], 0, undefined, state('en'))).toMatchObject({ empty: 'No events yet.', paged: false });
  });

  it('shows an unreadable entry in its place, marked, among the readable ones', () => {
    const rows = [{ ok: true as const, event: event(3, { platform: 'gmail', surface: 'send', action: 'decided', verdict: 'warn' }) }, { ok: false as const, id: 2 }];
    const view = logTableView(rows, 0, 2, state('fr'));
    expect(view.rows.map((r) => [r.id, r.corrupt ?? false])).toEqual([[3, false], [2, true]]);
    expect(view.rows[1]!.text).toBe('Entrée illisible (n° 2)\u00a0: elle est conservée telle quelle');
  });

  it('offers every policy platform and Vigie itself as filters, and says the log holds no member data', () => {
    const view = optionsView(state('en'));
    expect(view.filters.platforms.map((p) => p.value)).toEqual(['', 'action-network', 'action-builder', 'gmail', 'outlook', 'vigie']);
    expect(view.filters.verdicts.map((v) => v.label)).toEqual(['All', 'blocked', 'warning', 'recorded (trial mode)', 'allowed']);
    expect(view.logNote).toMatch(/holds no member data.*you may export it/);
  });

  it('when IT manages the grant: no import, no removal, and why', () => {
    const view = optionsView(state('fr', { sync: { ...EMPTY_SYNC, grantManaged: true } }));
    expect(view).toMatchObject({ canRemove: false, managedGrant: expect.stringContaining('gérée par les TI') });
    expect(popupView(state('fr', { sync: { ...EMPTY_SYNC, grantManaged: true } })).grantNote).toBe('Autorisation d’accès fournie par les TI de votre organisation.');
  });
});

describe('the scope card of a revoked grant', () => {
  it('says its export authorizations count for nothing', () => {
    const withAuthorization = sampleGrant({ exportAuthorizations: [{ platform: 'action-network', purpose: 'Envoi postal', reference: 'BN-1', expires: '2027-01-01T00:00:00Z' }] });
    const revoked = popupView(state('fr', { grant: { state: 'held', grant: withAuthorization, status: 'revoked' } })).scope;
    expect(revoked).toMatchObject({ statusText: 'Révoquée', authorizationsVoid: "Sans effet tant que l’autorisation d’accès n’est pas en vigueur\u00a0:" });
    const valid = popupView(state('fr', { grant: { state: 'held', grant: withAuthorization, status: 'valid' } })).scope;
    expect(valid.kind === 'grant' && valid.authorizationsVoid).toBeUndefined();
  });
});

describe('sync and report events in plain words', () => {
  const words = (fields: Partial<StoredEvent>, lang: Lang = 'fr') => describeEvent(event(1, fields), DEFAULT_POLICY, lang).text;

  it('says what the sync did', () => {
    expect(words({ action: 'policy-updated', policyVersion: 4, detail: 'url v4' })).toBe('Nouvelle politique en vigueur (mise à jour n° 4)');
    expect(words({ action: 'policy-refused', detail: 'url bad-signature v3' }, 'en')).toBe(
      'Policy refused: Policy server: The signature does not match: the document was altered or forged. (update 3)',
    );
    expect(words({ action: 'sync-failed', detail: 'url http-error HTTP 404' }, 'en')).toBe('Policy update failed: Policy server: the server answered with an error (404).');
    expect(words({ action: 'sync-failed', detail: 'something else' }, 'en')).toBe('Policy update failed: something else');
    expect(words({ surface: 'grant', action: 'grant-revoked' })).toBe("Autorisation d’accès révoquée par la politique");
    expect(words({ surface: 'grant', action: 'grant-imported', detail: 'managed' }, 'en')).toBe('Access authorization imported (IT configuration)');
    expect(words({ surface: 'report', action: 'reported' })).toBe('Compromission soupçonnée signalée');
    expect(words({ platform: 'gmail', surface: 'health', action: 'degraded' }, 'en')).toBe('Gmail — degraded');
  });
});
