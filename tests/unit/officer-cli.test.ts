import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { officerCommand } from '../../lib/cli/officer-command';

describe('vigie officer', () => {
  it('makes the folder, serves the built console on loopback, and stops cleanly when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-officer-cli-'));
    let out = '';
    let err = '';
    const stop = new AbortController();
    const prior = process.env.VIGIE_PASSPHRASE;
    process.env.VIGIE_PASSPHRASE = '';
    const running = officerCommand(['--dir', dir, '--no-open'], { stdout: (s) => (out += s), stderr: (s) => (err += s) }, stop.signal);
    try {
      await expect.poll(() => out, { timeout: 60_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\/open\?k=/);
      const url = /(http:\/\/127\.0\.0\.1:\d+\/open\?k=\S+)/.exec(out)![1]!;
      const opened = await fetch(url, { redirect: 'manual' });
      expect(opened.status).toBe(303);
      const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
      const page = await fetch(new URL('/', url), { headers: { cookie } });
      expect(await page.text()).toMatch(/<script type="module" src="\/app\.js">/);
      const script = await fetch(new URL('/app.js', url), { headers: { cookie } });
      expect((await script.text()).length).toBeGreaterThan(10_000);
      expect(err).toMatch(/new key .*NOT protected/);
      expect(err).toMatch(/policy signed as version 1/);
    } finally {
      stop.abort();
      if (prior === undefined) delete process.env.VIGIE_PASSPHRASE;
      else process.env.VIGIE_PASSPHRASE = prior;
    }
    expect(await running).toBe(0);
    expect(err).toMatch(/console stopped/);
  }, 90_000);
});
