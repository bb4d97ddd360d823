/**
 * Pact's own verdict on a matcher: an interaction whose request body is `{"v": <template>}` is served by the Pact
 * mock server (the Rust core that the verifier also runs), and each candidate value is sent as `{"v": value}`;
 * the server answers 200 when its request matches and 500 when it does not.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PactV4, SpecificationVersion, type V3MockServer } from '@pact-foundation/pact';
import { request } from 'undici';

/** Whether the Pact mock server matches each of `values` against the template; one mock server for all of them. */
export async function pactVerdicts(template: unknown, values: readonly unknown[]): Promise<boolean[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pact-oracle-'));
  const verdicts: boolean[] = [];
  const pact = new PactV4({ consumer: 'oracle', provider: 'oracle', dir, spec: SpecificationVersion.SPECIFICATION_VERSION_V4, logLevel: 'error' });
  try {
    await pact.addInteraction().uponReceiving('a value').withRequest('POST', '/m', (builder) => {
      builder.jsonBody({ v: template });
    }).willRespondWith(200).executeTest(async (server: V3MockServer) => {
      for (const value of values) {
        const answer = await request(`${server.url}/m`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ v: value }) });
        await answer.body.text();
        verdicts.push(answer.statusCode === 200);
      }
    });
  } catch {
    // A mismatch fails the interaction after the fact; the verdicts are already in.
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (verdicts.length !== values.length) throw new Error(`the Pact mock server answered ${verdicts.length} of ${values.length} values`);
  return verdicts;
}
