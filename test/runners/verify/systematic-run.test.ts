import { expect } from 'chai';
import { edgeFixtureIds } from '../../../src/arbitraries/index.js';
import { CHECKS, createCheckContext, failingFindings, type CheckRun } from '../../../src/checks/index.js';
import { STATE } from '../../../src/pact/state-names.js';
import { startReferenceProvider } from '../../../src/provider/index.js';
import { Backoff } from '../../../src/runners/verify/backoff.js';
import type { Fixture } from '../../../src/runners/verify/plan.js';
import { createStateClient } from '../../../src/runners/verify/state-client.js';
import { systematicCases } from '../../../src/runners/verify/systematic.js';
import { runSystematic } from '../../../src/runners/verify/systematic-run.js';
import { createTransport } from '../../../src/runners/verify/transport.js';
import { openContract } from '../../../src/validators/index.js';

describe('runSystematic against the reference provider, edge fixtures set up through the state URL', function () {
  this.timeout(30_000);

  it('runs every case and every check is clean', async () => {
    const contract = await openContract();
    const apiKey = 'systematic-key';
    const provider = await startReferenceProvider({ apiKey });
    const transport = createTransport({ baseUrl: provider.url, timeoutMs: 2000, maxBodyBytes: 2 ** 20, connections: 1 });
    try {
      const states = createStateClient(provider.stateUrl, { timeoutMs: 2000 });
      const fixtures: Fixture[] = [];
      for (const f of edgeFixtureIds(contract)) {
        await states.change({ state: STATE.withIntegration, params: { customerId: f.customerId, integrationId: f.integrationId, vendorIdentifier: 'STRIPE', syncedEntityId: null, syncData: null } }, 'setup');
        fixtures.push({ params: { id: f.customerId, integrationId: f.integrationId }, scenario: { kind: 'existing', customerId: f.customerId, integrationId: f.integrationId } });
      }
      await states.change({ state: STATE.noCustomer, params: { customerId: 'systematic-gone' } }, 'setup');
      fixtures.push({ params: { id: 'systematic-gone', integrationId: 'x' }, scenario: { kind: 'no-customer', customerId: 'systematic-gone' } });
      const cases = systematicCases(contract, fixtures);
      const failures: string[] = [];
      const replays: string[] = [];
      const passed = new Map<string, number>();
      const send = { contract, transport, baseUrl: provider.url, apiKey, checks: CHECKS, backoff: new Backoff(1000) };
      const summary = await runSystematic(cases, send, createCheckContext(contract), {
        onExchange: (exchange, runs: readonly CheckRun[]) => {
          replays.push(exchange.replay?.path ?? '');
          for (const run of runs) if (run.outcome.status === 'passed') passed.set(run.check, (passed.get(run.check) ?? 0) + 1);
          if (failingFindings(runs) > 0) failures.push(`${exchange.request.path.slice(0, 80)}: ${runs.filter((r) => r.outcome.status === 'failed').map((r) => r.check).join(',')}`);
        },
      }, { maxDurationMs: 20_000, seed: 7 });
      expect(summary.cases).to.equal(cases.length);
      expect(summary.interrupted).to.equal(false);
      expect(failures).to.deep.equal([]);
      // Every exchange replays by its index in the list (`--path edge:N`), each index once.
      expect([...replays].sort()).to.deep.equal(cases.map((_, index) => `edge:${index}`).sort());
      // The oracles that need existing data really judged edge ids (not skipped): several passes each.
      for (const check of ['valid_input_accepted', 'addressed_resource', 'update_applied', 'auth_required', 'invalid_input_rejected']) expect(passed.get(check) ?? 0, check).to.be.at.least(3);
    } finally {
      await transport.close();
      await provider.close();
    }
  });
});
