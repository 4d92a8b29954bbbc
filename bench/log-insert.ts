import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { VigieEventInput } from '../lib/core/event';
import { openLogDatabase } from '../lib/log/database';
import { logEvent, logEvents } from '../lib/log/event-log';
import type { BenchRow } from './types';

const SINGLE = 300;
const BULK = 1000;

function sampleEvent(i: number): VigieEventInput {
  return {
    time: Date.now() + i,
    platform: 'action-network',
    surface: 'export-click',
    action: 'decided',
    verdict: 'block',
    ruleIds: ['export-needs-authorization'],
    clauses: ['7.2', '8.1.c'],
    origin: 'https://actionnetwork.org',
    path: '/reports/1234/manage',
    policyId: 'acep-member-data',
    policyVersion: 1,
  };
}

/**
 * Log insert throughput under fake-indexeddb (Node), validation and scrubbing included: one event
 * per transaction, then 1000 in one bulk transaction. Informative only: a browser's IndexedDB differs.
 */
export async function run(): Promise<BenchRow[]> {
  const db = openLogDatabase(`vigie-bench-${Date.now()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  let start = performance.now();
  for (let i = 0; i < SINGLE; i++) await logEvent(db, sampleEvent(i));
  const singleMs = performance.now() - start;

  const bulk = Array.from({ length: BULK }, (_, i) => sampleEvent(i));
  start = performance.now();
  await logEvents(db, bulk);
  const bulkMs = performance.now() - start;
  db.close();

  return [
    { name: 'log insert, one per transaction', value: SINGLE / (singleMs / 1000), unit: 'events/s' },
    { name: `log insert, bulk of ${BULK}`, value: BULK / (bulkMs / 1000), unit: 'events/s' },
  ];
}
