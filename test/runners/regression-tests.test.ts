import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Finding } from '../../src/checks/index.js';
import { writeRegressionTests } from '../../src/runners/regression-tests.js';
import type { VerifySummary } from '../../src/runners/verify/verify-runner.js';
import { openContract } from '../../src/validators/index.js';

describe('regression tests written from a run', () => {
  it('recreate exactly the data the case met: the one integration, with the record it was set up with', async () => {
    const contract = await openContract();
    const dir = mkdtempSync(join(tmpdir(), 'regressions-'));
    try {
      const setUp = (integrationId: string, vendorIdentifier: string) => ({ state: 'a customer with an integration', params: { customerId: 'a', integrationId, vendorIdentifier, syncedEntityId: null, syncData: null } });
      const summary = { embedded: false, baseUrl: 'http://127.0.0.1:1', stateUrl: 'http://127.0.0.1:1/_pact/provider-states', stateChanges: [setUp('x', 'STRIPE'), setUp('a+b', 'ZUORA'), setUp('y', 'AUTH0')] } as unknown as VerifySummary;
      const finding = {
        check: 'record_unchanged', kind: 'violation', message: 'vendor echoed sk-live-9f2c', expected: '"ZUORA"', actual: '"STRIPE"', intent: { intent: 'valid' }, scenario: 'existing',
        request: { method: 'PATCH', url: 'http://127.0.0.1:1/api/v1/customers/a/integrations/a%2Bb', path: '/api/v1/customers/a/integrations/a%2Bb', headers: { 'X-API-KEY': '$STIGG_API_KEY' }, rawBody: '{"syncedEntityId":"s"}' },
        response: { status: 200, headers: {}, body: '{}', truncated: false, elapsedMs: 1 },
      } as unknown as Finding;
      const [file] = writeRegressionTests([finding, { ...finding, kind: 'warning' } as Finding], dir, summary, contract, ['sk-live-9f2c']);
      // A key the provider echoed is scrubbed from the test; the tags it replays by are not.
      expect(readFileSync(file ?? '', 'utf8')).not.to.contain('sk-live-9f2c');
      expect(readFileSync(file ?? '', 'utf8')).to.contain('vendor echoed [REDACTED]');
      const spec = JSON.parse(/const spec = (\{[\s\S]*?\n\});/.exec(readFileSync(file ?? '', 'utf8'))?.[1] ?? '{}') as { states: Array<{ params: { integrationId: string } }>; finding: { scenario: unknown } };
      expect(spec.states.map((state) => state.params.integrationId)).to.deep.equal(['a+b']);
      expect(spec.finding.scenario).to.deep.equal({ kind: 'existing', customerId: 'a', integrationId: 'a+b', record: { vendorIdentifier: 'ZUORA', syncData: null } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
