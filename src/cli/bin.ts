#!/usr/bin/env node
// The published entry point (compiled to dist/cli/bin.js): only argv parsing and dispatch load here; each command's
// modules load when that command runs, so `--help` and `--version` start about as fast as node itself.
import { runCli } from './main.js';

// A reader that stops early (`| head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Pact's native core reports anonymous usage over the network unless told not to; this tool stays on loopback.
process.env['PACT_DO_NOT_TRACK'] ??= 'true';

process.exitCode = await runCli(process.argv);
