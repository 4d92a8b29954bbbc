#!/usr/bin/env node
// The privacy officer's command line. Runs the TypeScript sources through tsx so the CLI and the
// extension share one copy of the policy core.
import { register } from 'tsx/esm/api';

// node:sqlite (the officer's register) is stable in use but still flagged experimental in Node 22;
// its warning would only alarm the officer. Every other warning is printed as usual.
const [printWarning] = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /SQLite/.test(warning.message)) return;
  printWarning?.(warning);
});

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
