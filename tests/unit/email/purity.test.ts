import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '../../../lib/core/email');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('lib/core/email is pure (STYLE.md habit 1)', () => {
  it('has its modules', () => {
    expect(files).toEqual(expect.arrayContaining(['check-email.ts', 'normalise.ts', 'quote-split.ts', 'notice-detector.ts', 'local-id-detector.ts', 'campaign.ts']));
  });

  it.each(files)('%s imports only lib/core modules and uses no browser or Node API', (file) => {
    // Comments may name browsers; code may not use them.
    const source = readFileSync(join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const imports = [...source.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]!);
    // Only siblings (./x) and lib/core modules (../x): never a package, Node built-in or other folder.
    for (const spec of imports) expect(spec).toMatch(/^\.\.?\/[\w-]+$/);
    expect(source).not.toMatch(/\b(DOMParser|document\.|window\.|Buffer|require\(|import\(|process\.|browser\.|chrome\.)/);
  });
});
