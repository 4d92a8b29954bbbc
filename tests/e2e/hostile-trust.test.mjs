/**
 * Trust replay across policy ids (class 9 of the hostile review), in Chromium configured by IT's
 * real managed-policy file (trusted key + policy URL). The privacy officer revokes a person's grant
 * (ACEP policy v5); then whoever controls the policy server serves an older policy of another id,
 * a pilot in audit mode, signed by the same trusted key. It must be refused with its own error,
 * and the revoked person's download must still be cancelled: no file on disk.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateKeyPair } from '../../lib/core/signature.ts';
import { demoGrantToken } from '../../scripts/make-demo-docs.ts';
import { importGrantViaOptions, openFixture, poll } from './extension.mjs';
import { PAGES } from './routes.mjs';
import { policyServer } from './routes-sync.mjs';
import { startFixtureServer } from './server.mjs';
import { fireSyncAlarm, launchManagedBrowser, readStorage, signedAcepPolicy, trustedKey, waitForLog } from './sync-helpers.mjs';

const GRANT_ID = 'demo-sl70-executive';
const AUTHORIZATION = { platform: 'action-network', purpose: 'Envoi postal', reference: 'BN-2026-041', expires: new Date(Date.now() + 30 * 86_400_000).toISOString() };

describe('an older policy of another id, signed by a trusted key, cannot undo a revocation', () => {
  let server;
  let s;
  let policies;
  let itKey;
  before(async (t) => {
    server = await startFixtureServer();
    policies = policyServer(server);
    itKey = await generateKeyPair();
    policies.serve(await signedAcepPolicy(4, {}, itKey));
    s = await launchManagedBrowser({ port: server.port, config: { policyUrl: policies.url, trustedKeys: [trustedKey(itKey)] } });
    if (!s) t.skip('a Chromium policy file needs root');
  });
  after(async () => {
    await s?.close();
    await server?.close();
  });

  test('the pilot policy is refused as "other-policy"; the revoked person\'s download is cancelled', async () => {
    await poll(async () => (await readStorage(s.browser, 'vigie:policy'))?.payload?.version === 4, { timeout: 30_000, what: 'policy v4 held' });
    // The person's grant allows Action Network exports (an authorization)…
    const token = await demoGrantToken(new Date(), { exportAuthorizations: [AUTHORIZATION] });
    await (await importGrantViaOptions(s.browser, token)).close();
    // …until the officer revokes it.
    policies.serve(await signedAcepPolicy(5, { revokedGrants: [GRANT_ID] }, itKey));
    await fireSyncAlarm(s.browser);
    await poll(async () => (await readStorage(s.browser, 'vigie:policy'))?.payload?.version === 5, { timeout: 30_000, what: 'policy v5 held' });
    await waitForLog(s.browser, (e) => e.action === 'grant-revoked' && e.grantId === GRANT_ID);

    // The replay: an older pilot policy (another id, audit mode, nobody revoked), same trusted key.
    const pilot = await signedAcepPolicy(1, { id: 'acep-pilote-2025', rollout: 'audit', revokedGrants: [] }, itKey);
    policies.serve(pilot);
    const hits = policies.hits.length;
    await fireSyncAlarm(s.browser);
    await poll(() => policies.hits.length > hits, { timeout: 30_000, what: 'the pilot policy fetched' });
    const refused = await waitForLog(s.browser, (e) => e.action === 'policy-refused' && /other-policy/.test(e.detail ?? ''), { timeout: 20_000 });
    assert.equal(refused.detail, 'url other-policy v1');
    const held = await readStorage(s.browser, 'vigie:policy');
    assert.equal(held.payload.id, 'acep-member-data');
    assert.equal(held.payload.version, 5);

    // The revoked person follows the report's CSV link: cancelled, nothing on disk.
    const since = Date.now() - 1_000;
    const { page } = await openFixture(s.browser, PAGES.anAdminReport);
    await page.evaluate((url) => location.assign(url), PAGES.anReportCsv);
    const event = await waitForLog(s.browser, (e) => e.surface === 'download' && e.time >= since, { timeout: 20_000 });
    assert.equal(event.verdict, 'block');
    assert.equal(event.policyVersion, 5);
    assert.deepEqual(event.ruleIds, ['grant-revoked']);
    await new Promise((r) => setTimeout(r, 1_500));
    assert.deepEqual(s.downloads(), [], 'the revoked person\'s file was not written');
    await page.close();
  });
});
