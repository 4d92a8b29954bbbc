import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './types';

const BUDGET_KB = 25;

/** Builds the production extension and measures each content script, minified and gzipped. */
export async function run(): Promise<BenchRow[]> {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const dir = join('.output', 'chrome-mv3', 'content-scripts');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
  if (scripts.length === 0) throw new Error(`no content scripts in ${dir}`);
  return scripts.map((file) => ({
    name: `content script ${file} (min+gzip)`,
    value: gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024,
    unit: 'KB',
    budget: BUDGET_KB,
  }));
}
