#!/usr/bin/env node
// The published entry point: registers tsx so the TypeScript sources run as they are (no build step to forget).
import { register } from 'tsx/esm/api';

// A reader that stops early (`| head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Pact's native core reports anonymous usage over the network unless told not to; this tool stays on loopback.
process.env.PACT_DO_NOT_TRACK ??= 'true';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv);
