import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(new URL('../../..', import.meta.url).pathname);
/** Modules that hold zod schemas: content scripts may take their types, never their values. */
const ZOD_MODULES = ['lib/core/policy.ts', 'lib/core/grant.ts', 'lib/core/event.ts', 'lib/core/text.ts', 'lib/messaging/protocol.ts'];

/** The modules a file really imports (not `import type`), followed through relative paths. */
function valueImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gm)) {
    const spec = m[2]!;
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const base = resolve(dirname(file), spec);
    const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(existsSync);
    if (target) valueImports(target, seen);
  }
  return seen;
}

describe('webmail content scripts stay small', () => {
  it.each(['entrypoints/gmail.content/index.ts', 'entrypoints/outlook.content/index.ts'])('%s imports no zod, not even through lib/', (entry) => {
    const modules = [...valueImports(join(ROOT, entry))].map((m) => (m.startsWith('/') ? relative(ROOT, m) : m));
    expect(modules).toContain('lib/webmail/index.ts');
    expect(modules.filter((m) => m === 'zod' || ZOD_MODULES.includes(m))).toEqual([]);
  });
});
