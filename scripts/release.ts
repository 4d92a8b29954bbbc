/**
 * `npm run release -- deploy.json [--out FOLDER]`: IT's deployment kit (lib/deploy/kit.ts).
 * Exit codes as the vigie CLI: 0 made, 2 bad input (located, one problem a line on stderr), 1 a
 * build or packing failure.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DeployInputError } from '../lib/deploy/input';
import { makeKit, type KitBrowser } from '../lib/deploy/kit';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `npm run release -- DEPLOY.json [--out FOLDER] [--only chrome|firefox]

DEPLOY.json (paths relative to it; see lib/deploy/deploy.example.json):
  organisation, policyUrl, trustedKeys, updateBaseUrl,
  chromePackingKey (RSA PEM, outside the repository), signedPolicy, [chromeExtensionId]
FOLDER defaults to release/vigie-deploy-kit (emptied first).`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || positionals.length !== 1) {
    (values.help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (values.only !== undefined && values.only !== 'chrome' && values.only !== 'firefox') {
    process.stderr.write(`release: --only: expected chrome or firefox, got "${values.only}"\n`);
    return 2;
  }
  const browsers: KitBrowser[] = values.only ? [values.only] : ['chrome', 'firefox'];
  const outDir = resolve(values.out ?? join(ROOT, 'release/vigie-deploy-kit'));
  try {
    const kit = await makeKit({ inputFile: resolve(positionals[0]!), outDir, repoRoot: ROOT, browsers });
    process.stdout.write(`Vigie ${kit.version}, Chrome/Edge id ${kit.chromeId}: ${kit.files.length} files in ${outDir}\n`);
    for (const f of kit.files) process.stdout.write(`  ${f.path}\n`);
    process.stdout.write('Next: read README.md there (publish, sign the Firefox add-on, push the policy files).\n');
    return 0;
  } catch (error) {
    if (error instanceof DeployInputError) {
      for (const problem of error.problems) process.stderr.write(`release: ${error.file}: ${problem}\n`);
      return 2;
    }
    process.stderr.write(`release: ${(error as Error).stack ?? error}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
