import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { ConfigurationError } from '../../../src/errors.js';
import { brokerVerificationOptions, parseConsumerVersionSelectors, parseWipDate } from '../../../src/pact/broker/index.js';
import { startBrokerDouble, type BrokerDouble } from '../../fixtures/broker-double.js';
import { CANARY, PACT_A, runVerifier, storePact } from './helpers.js';

const BROKER = { PACT_BROKER_BASE_URL: 'https://broker.example' };

describe('pact/broker verification source: verify flags → Verifier options', () => {
  it('maps every flag; credentials come from the environment; defaults follow the Pact docs', () => {
    const flags = { providerVersion: 'abc', providerBranch: 'main', enablePending: true, includeWipPactsSince: '2024-06-01', publishResults: true };
    expect(brokerVerificationOptions('stigg-api', flags, { ...BROKER, PACT_BROKER_TOKEN: CANARY })).to.deep.equal({
      pactBrokerUrl: 'https://broker.example',
      provider: 'stigg-api',
      consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }, { matchingBranch: true }],
      enablePending: true,
      includeWipPactsSince: '2024-06-01',
      publishVerificationResult: true,
      providerVersion: 'abc',
      providerVersionBranch: 'main',
      pactBrokerToken: CANARY,
    });
    expect(brokerVerificationOptions('p', { brokerUrl: 'http://127.0.0.1:9/', consumerVersionSelectors: '{"branch":"feat-x","consumer":"web"}' }, { PACT_BROKER_USERNAME: 'u', PACT_BROKER_PASSWORD: 'pw' })).to.deep.equal({
      pactBrokerUrl: 'http://127.0.0.1:9',
      provider: 'p',
      consumerVersionSelectors: [{ branch: 'feat-x', consumer: 'web' }],
      enablePending: false,
      pactBrokerUsername: 'u',
      pactBrokerPassword: 'pw',
    });
  });

  it('refuses what cannot work: no broker, --publish-results without --provider-version, WIP without pending, matchingBranch without a branch', () => {
    expect(() => brokerVerificationOptions('p', {}, {})).to.throw(ConfigurationError, /--broker-url URL or set PACT_BROKER_BASE_URL/);
    expect(() => brokerVerificationOptions('p', { publishResults: true }, BROKER)).to.throw(ConfigurationError, /--publish-results needs --provider-version/);
    expect(() => brokerVerificationOptions('p', { includeWipPactsSince: '2024-01-01' }, BROKER)).to.throw(ConfigurationError, /needs --enable-pending/);
    expect(() => brokerVerificationOptions('p', { consumerVersionSelectors: '[{"matchingBranch":true}]' }, BROKER)).to.throw(ConfigurationError, /matchingBranch selector needs --provider-branch/);
    expect(() => brokerVerificationOptions('p', { providerVersion: ' ' }, BROKER)).to.throw(ConfigurationError, /--provider-version must not be empty/);
    expect(() => brokerVerificationOptions('p', {}, { ...BROKER, PACT_BROKER_USERNAME: 'u' })).to.throw(ConfigurationError, /PACT_BROKER_PASSWORD/);
  });

  it('consumer version selectors: JSON, non-empty objects, known keys, documented value types', () => {
    expect(parseConsumerVersionSelectors('[{"deployed":true,"environment":"production"},{"tag":"prod","latest":true}]')).to.deep.equal([{ deployed: true, environment: 'production' }, { tag: 'prod', latest: true }]);
    const bad: [string, RegExp][] = [
      ['[{"mainBranch":true}', /is not valid JSON/],
      ['[]', /at least one selector/],
      ['[{}]', /\[0\] must be a non-empty JSON object/],
      ['["main"]', /\[0\] must be a non-empty JSON object/],
      ['[{"mainBranch":true},{"mainbranch":true}]', /\[1\] has unknown key "mainbranch"/],
      ['[{"deployed":false}]', /deployed can only be true/],
      ['[{"branch":""}]', /branch must be a non-empty string/],
      ['[{"tag":"x","latest":"yes"}]', /latest must be true or false/],
    ];
    for (const [json, message] of bad) expect(() => parseConsumerVersionSelectors(json), json).to.throw(ConfigurationError, message);
  });

  it('WIP date: a real calendar date or ISO 8601 date-time', () => {
    expect(parseWipDate('2024-02-29')).to.equal('2024-02-29');
    expect(parseWipDate('2024-06-01T12:30:00+11:00')).to.equal('2024-06-01T12:30:00+11:00');
    for (const bad of ['2023-02-29', '2024-13-01', 'yesterday', '01/06/2024', '2024-06-01T25:00:00Z', '']) {
      expect(() => parseWipDate(bad), bad).to.throw(ConfigurationError, /--include-wip-pacts-since must be a date/);
    }
  });
});

describe('pact/broker verification source: the real Pact Verifier against the broker double', () => {
  let broker: BrokerDouble;
  let provider: Server;
  let providerUrl = '';
  let status = 200;
  const received: string[] = [];

  before(async () => {
    provider = createServer((request, response) => {
      received.push(`${request.method} ${request.url}`);
      request.resume().on('end', () => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(status === 200 ? { data: { id: 'int-1', syncedEntityId: 'cus_1' } } : { error: 'boom' }));
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => provider.close(() => resolve()));
  });
  beforeEach(async () => {
    received.length = 0;
    broker = await startBrokerDouble({ auth: { token: CANARY } });
    await storePact(broker, PACT_A, 'c1', 'main');
    broker.requests.length = 0;
  });
  afterEach(() => broker.close());

  function options(): ReturnType<typeof brokerVerificationOptions> {
    const flags = {
      brokerUrl: broker.url,
      providerVersion: 'p-sha-1',
      providerBranch: 'main',
      consumerVersionSelectors: '[{"mainBranch":true},{"matchingBranch":true}]',
      enablePending: true,
      includeWipPactsSince: '2024-01-01',
      publishResults: true,
    };
    return brokerVerificationOptions('fixture-provider', flags, { PACT_BROKER_TOKEN: CANARY });
  }

  it('asks pacts-for-verification, fetches the pact, verifies the provider and publishes success', async () => {
    const run = await runVerifier({ providerBaseUrl: providerUrl, logLevel: 'error', ...options() });
    expect(run.ok, run.output).to.equal(true);
    expect(run.output).to.include('has a matching body').and.not.include(CANARY);
    expect(received).to.deep.equal(['PATCH /api/v1/customers/acme/integrations/int-1']);
    const pact = broker.state.pacts[0]!;
    const pactPath = `/pacts/provider/fixture-provider/consumer/fixture-consumer/pact-version/${pact.sha}`;
    const calls = broker.calls();
    for (const call of ['POST /pacts/provider/fixture-provider/for-verification', `GET ${pactPath}`, `POST ${pactPath}/verification-results`]) expect(calls).to.include(call);
    expect(broker.requests.every((r) => r.headers['authorization'] === `Bearer ${CANARY}`)).to.equal(true);
    const selection = broker.requests.find((r) => r.method === 'POST' && r.path.endsWith('/for-verification'))!;
    expect(selection.json).to.deep.equal({
      consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }],
      includePendingStatus: true,
      includeWipPactsSince: '2024-01-01',
      providerVersionBranch: 'main',
    });
    const results = broker.requests.find((r) => r.path === `${pactPath}/verification-results`)!;
    expect(results.json).to.deep.include({ success: true, providerApplicationVersion: 'p-sha-1' });
    expect(broker.state.version('fixture-provider', 'p-sha-1')).to.deep.include({ branch: 'main' });
    expect(broker.state.verifications.map((v) => v.success)).to.deep.equal([true]);
  });

  it('publishes a failure as success false (the pact is pending, so the run itself passes)', async () => {
    status = 500;
    const run = await runVerifier({ providerBaseUrl: providerUrl, logLevel: 'error', ...options() }).finally(() => {
      status = 200;
    });
    expect(run.output).to.include('non-fatal pact failures on pending pacts').and.not.include(CANARY);
    expect(run.ok, run.output).to.equal(true);
    expect(broker.state.verifications.map((v) => [v.success, v.providerVersion])).to.deep.equal([[false, 'p-sha-1']]);
  });
});
