import { describe, expect, it } from 'vitest';
import { fileTypeOf, isOpaque, mayBeGuarded, platformOfDownload, type DownloadFacts } from '../../../lib/downloads/download-source';
import { needsJudging } from '../../../lib/downloads/judge';
import { forgetPolicyHosts, rememberPolicyHosts } from '../../../lib/downloads/policy-hosts';
import { DEFAULT_POLICY, PCQ_POLICY } from '../../../lib/packs';

const item = (fields: Partial<DownloadFacts>): DownloadFacts => ({ id: 1, url: 'https://example.com/x', ...fields });
const platformOf = (fields: Partial<DownloadFacts>) => platformOfDownload(item(fields), DEFAULT_POLICY)?.platform.id;

describe('which platform a download belongs to', () => {
  it('by its URL: a link to a CSV on either Action Network host', () => {
    expect(platformOf({ url: 'https://admin.actionnetwork.org/reports/membres-2026/download.csv' })).toBe('action-network');
    expect(platformOf({ url: 'https://actionnetwork.org/uploads/4512/download' })).toBe('action-network');
  });

  it('by its referrer: a redirect to a file host, or a form post answered elsewhere', () => {
    const source = platformOfDownload(
      item({ url: 'https://files.example-cdn.net/exports/abc.csv', finalUrl: 'https://files.example-cdn.net/exports/abc.csv', referrer: 'https://section70.actionbuilder.org/campaigns/1/wall_chart' }),
      DEFAULT_POLICY,
    );
    expect(source?.platform.id).toBe('action-builder');
    expect(source?.pageUrl).toBe('https://section70.actionbuilder.org/campaigns/1/wall_chart');
  });

  it('by its final URL after redirects', () => {
    expect(platformOf({ url: 'https://short.example/x', finalUrl: 'https://actionnetwork.org/x.csv' })).toBe('action-network');
  });

  it('a blob: URL names the page that made it, even with an empty referrer', () => {
    const facts = item({ url: 'blob:https://actionnetwork.org/6f1c0c5e-97a1-4a32-8f5c-0e1d1f0e9c11', referrer: '' });
    expect(platformOfDownload(facts, DEFAULT_POLICY)?.platform.id).toBe('action-network');
    expect(isOpaque(facts)).toBe(false);
  });

  it('a data: URL with no referrer names nothing (the active tab is asked)', () => {
    const facts = item({ url: 'data:text/csv;base64,YSxi', referrer: '' });
    expect(platformOfDownload(facts, DEFAULT_POLICY)).toBeUndefined();
    expect(isOpaque(facts)).toBe(true);
    expect(needsJudging(facts, 'me')).toBe(true);
  });

  it('a download from anywhere else is not touched, once the policy in force is known', () => {
    const facts = item({ url: 'https://example.com/report.csv', referrer: 'https://example.com/' });
    expect(platformOfDownload(facts, DEFAULT_POLICY)).toBeUndefined();
    expect(mayBeGuarded(facts)).toBe(false);
    forgetPolicyHosts();
    expect(needsJudging(facts, 'me'), 'policy not read yet in this worker: judged').toBe(true);
    rememberPolicyHosts(DEFAULT_POLICY);
    expect(needsJudging(facts, 'me')).toBe(false);
  });

  it("a host only the policy names (a self-hosted Nextcloud) is judged, without any content script's match", () => {
    const facts = item({ url: 'https://nuage.pcq.example/remote.php/dav/files/a/b.pdf', referrer: 'https://nuage.pcq.example/apps/files/files' });
    expect(mayBeGuarded(facts)).toBe(false);
    rememberPolicyHosts(PCQ_POLICY);
    expect(needsJudging(facts, 'me')).toBe(true);
    expect(platformOfDownload(facts, PCQ_POLICY)?.platform.id).toBe('nextcloud');
    rememberPolicyHosts(DEFAULT_POLICY);
    expect(needsJudging(facts, 'me')).toBe(false);
  });

  it("the extension's own downloads are never judged", () => {
    expect(needsJudging(item({ url: 'blob:chrome-extension://me/1', byExtensionId: 'me' }), 'me')).toBe(false);
    expect(needsJudging(item({ url: 'https://actionnetwork.org/x.csv', byExtensionId: 'another' }), 'me')).toBe(true);
  });

  it('hosts that only look alike are not the platform', () => {
    expect(platformOf({ url: 'https://actionnetwork.org.evil.example/x.csv' })).toBeUndefined();
    expect(platformOf({ url: 'https://notactionbuilder.org/x.csv' })).toBeUndefined();
  });
});

describe('what the log may say about the file', () => {
  it('its extension or MIME subtype, never its name', () => {
    expect(fileTypeOf({ filename: 'Marie Tremblay - donations.CSV' })).toBe('csv');
    expect(fileTypeOf({ filename: '/home/x/Downloads/liste.xlsx' })).toBe('xlsx');
    expect(fileTypeOf({ filename: '', mime: 'text/csv' })).toBe('csv');
    expect(fileTypeOf({ filename: 'membres', mime: 'application/vnd.ms-excel' })).toBe('msexcel');
    expect(fileTypeOf({})).toBe('file');
  });
});
