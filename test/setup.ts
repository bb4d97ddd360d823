/** Root setup for every mocha run: no network beyond loopback, from any library; the built package present. */
import { existsSync } from 'node:fs';

process.env['PACT_DO_NOT_TRACK'] = 'true';

// The black-box tests and the package-entry tests run what users install: dist/, which `npm test` builds first.
if (!existsSync(new URL('../dist/cli/bin.js', import.meta.url))) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)');
