/**
 * The third verdict end to end: a provider that has moved to the next version of the contract (it answers AIRWALLEX
 * for an integration of its own, and holds the new values when the state protocol sets them up) is a violation under
 * 7.64.2, contract drift with the next version beside it, and clean when verified against the next version alone.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { openContract, type OperationContract } from '../../../src/validators/index.js';
import { verify, type VerifyOptions, type VerifyResult } from '../../../src/verify.js';
import { AIRWALLEX_FIXTURE, nextVersionProvider } from '../../fixtures/providers/next-version.js';
import { startVariantProvider, type VariantProvider } from '../../fixtures/providers/proxy.js';

const NEXT = fileURLToPath(new URL('../../fixtures/contracts/stigg-api-7.65.0.openapi.yaml', import.meta.url));
const API_KEY = 'sk_test_drift_e2e_0123456789';
const FIXTURE = `${AIRWALLEX_FIXTURE.customerId}/${AIRWALLEX_FIXTURE.integrationId}`;

const groups = (result: VerifyResult, kind: string): string[] =>
  result.report.findings.filter((group) => group.kind === kind).map((group) => `${group.check}: ${group.finding.message}`);

describe('verify --contract-next: contract drift told apart from violations', function () {
  this.timeout(120_000);
  let pinned: OperationContract;
  let next: OperationContract;
  let provider: VariantProvider;
  /** A run against a fresh 7.65.0 provider; the systematic phase only where the run needs it (it costs most). */
  const run = async (contract: OperationContract, options: VerifyOptions = {}): Promise<VerifyResult> => {
    provider = await startVariantProvider(nextVersionProvider(), API_KEY);
    return verify(contract, { baseUrl: provider.url, stateUrl: provider.stateUrl, apiKey: API_KEY, fixtures: [FIXTURE], runs: 60, seed: 5, skipPacts: true, systematic: false, failures: false, ...options });
  };
  before(async () => {
    [pinned, next] = await Promise.all([openContract(), openContract(NEXT)]);
  });
  afterEach(async () => provider?.close());

  it('under 7.64.2 alone, answering AIRWALLEX is a violation', async () => {
    const result = await run(pinned);
    expect(result.exitCode).to.equal(1);
    expect(groups(result, 'violation')).to.deep.equal(['response_schema: 200 body: /data/vendorIdentifier must be equal to one of the allowed values (12 allowed values)']);
    expect(result.report.meta).to.include({ contractTitle: 'Stigg API', contractVersion: '7.64.2' });
  });

  it('with 7.65.0 as the next version, it is contract drift naming both versions, and the run passes', async () => {
    const result = await run(pinned, { nextContract: next });
    expect(groups(result, 'violation')).to.deep.equal([]);
    expect(groups(result, 'contract-drift')).to.deep.equal([
      'response_schema: 200 body: /data/vendorIdentifier must be equal to one of the allowed values (12 allowed values); Stigg API 7.64.2 forbids it, Stigg API 7.65.0 allows it',
    ]);
    expect(result.report.totals.contractDrift).to.be.greaterThan(0);
    expect(result.report.meta.nextContract).to.deep.equal({ file: NEXT, title: 'Stigg API', version: '7.65.0' });
    expect(result.exitCode).to.equal(0);
  });

  it('with --fail-on-drift, drift fails the run', async () => {
    const result = await run(pinned, { nextContract: next, failOnDrift: true });
    expect(groups(result, 'violation')).to.deep.equal([]);
    expect(result.exitCode).to.equal(1);
  });

  it('verified against 7.65.0 alone, every phase on, it is clean: the state protocol sets up the new values and they come back', async () => {
    const result = await run(next, { systematic: true, runs: 40 });
    expect(groups(result, 'violation')).to.deep.equal([]);
    expect(result.exitCode).to.equal(0);
    expect(result.setupProblems).to.deep.equal([]);
    const vendors = result.report.coverage.find((line) => line.name === '/data/vendorIdentifier')?.seen.map((seen) => seen.value);
    expect(vendors).to.include.members(['AIRWALLEX', 'STRIPE_INVOICING']);
    const shapes = result.report.coverage.find((line) => line.name === '/data/syncData branches')?.seen.map((seen) => seen.value);
    expect(shapes).to.include('SyncRevisionInvoicingData');
  });
});
