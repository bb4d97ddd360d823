/** The reference provider as its own process (`stigg-contract serve` from the built package), as a provider under test runs in CI. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A provider in a child process: its URLs, and how to stop it. */
export interface ChildProvider {
  readonly url: string;
  readonly stateUrl: string;
  close(): Promise<void>;
}

/** Starts `stigg-contract serve` on a free port with `apiKey`; resolves once it says where it listens. */
export async function serveInChild(apiKey: string): Promise<ChildProvider> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url)), 'serve', '--port', '0', '--api-key', apiKey], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(text);
      if (found?.[1]) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${text}`)));
  });
  return { url, stateUrl: `${url}/_pact/provider-states`, close: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }) };
}
