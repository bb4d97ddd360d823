#!/usr/bin/env node
// The published entry point: registers tsx so the TypeScript sources run as they are (no build step to forget).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv);
