import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** STYLE.md habit 1: lib/core runs in Node, the browser and the CLI, so it imports no platform. */
const root = new URL('../../lib/core/', import.meta.url).pathname;
const FORBIDDEN = /from\s+['"](webextension-polyfill|wxt(\/[^'"]*)?|dexie|preact(\/[^'"]*)?|node:[^'"]+|fs|path)['"]|\b(document|window|chrome|browser)\.\w/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.ts') ? [full] : [];
  });
}

describe('lib/core purity', () => {
  const sources = files(root);
  it('has sources to check', () => expect(sources.length).toBeGreaterThan(5));
  it.each(sources.map((f) => [relative(root, f), f]))('%s imports no browser, DOM, Dexie or Node API', (_name, file) => {
    const offending = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*') && FORBIDDEN.test(line));
    expect(offending).toEqual([]);
  });
});
