#!/usr/bin/env node
// The privacy officer's command line. Runs the TypeScript sources through tsx so the CLI and the
// extension share one copy of the policy core.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
