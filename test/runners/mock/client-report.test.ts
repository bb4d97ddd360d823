import { join } from 'node:path';
import { expect } from 'chai';
import { exitCodeOf } from '../../../src/report/index.js';
import { clientExitCode, clientVerdict, reportFromLog, runClient, type ClientReport } from '../../../src/runners/mock/index.js';
import { fixtureSuite } from '../../fixtures/broken-clients/clients.js';
import { API_KEY, removeTemp, shippedContract, tempDir } from './helpers.js';

/** A report without what only a live run knows (the command's outcome, the pact). */
const fromTheLog = (report: ClientReport): Omit<ClientReport, 'command' | 'pact'> => {
  const { command: _command, pact: _pact, ...rest } = report;
  return rest;
};

describe('runners/mock: the client report', () => {
  after(removeTemp);

  it('reads the same from the saved log as the live run gave it (verdicts, problems, coverage)', async () => {
    const file = join(await tempDir(), 'mock.log');
    const contract = await shippedContract();
    for (const id of ['clean', 'extra-field']) {
      const run = await runClient({ contract, seed: 6, drill: 0.3, logFile: file, suite: fixtureSuite(id, { drills: true }), env: { STIGG_API_KEY: API_KEY } });
      const live = await run.done;
      const saved = await reportFromLog(file, contract);
      if (id === 'clean') expect(fromTheLog(saved)).to.deep.equal(fromTheLog(live));
      else expect({ runs: saved.runs, violations: saved.verdicts.violation, passed: saved.passed }).to.deep.equal({ runs: 2, violations: live.verdicts.violation, passed: false });
    }
  });

  it('fails a run in which no request reached the mock, and one whose command failed though every request was fine', async () => {
    const contract = await shippedContract();
    const silent = await (await runClient({ contract, suite: async () => undefined, env: {} })).done;
    expect({ passed: silent.passed, requests: silent.requests }).to.deep.equal({ passed: false, requests: 0 });
    const failing = await (await runClient({ contract, suite: async (env) => {
      await fetch(`${env['STIGG_BASE_URL']}/api/v1/customers/acme/integrations/int-1`, { method: 'PATCH', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' }, body: '{"syncedEntityId":null}' });
      throw new Error('an assertion of the client suite');
    }, env: {} })).done;
    expect(failing.passed).to.equal(false);
    expect(failing.verdicts.valid).to.equal(1);
    expect(failing.command).to.deep.equal({ exitCode: 1, signal: null, message: 'an assertion of the client suite' });
    expect(failing.coverage.find((item) => item.label === 'syncedEntityId null')?.count).to.equal(1);
    // The verdict in the shared report model gives the same exit code, and names why.
    for (const report of [silent, failing]) expect(exitCodeOf(clientVerdict(report, contract))).to.equal(clientExitCode(report)).and.equal(1);
    expect(clientVerdict(silent, contract).findings.map((group) => group.check)).to.deep.equal(['requests_received']);
    expect(clientVerdict(failing, contract).findings.map((group) => `${group.check}: ${group.finding.message}`)).to.deep.equal(['client_command: the client\'s command exited 1: an assertion of the client suite']);
  });

  it('emits each request as a run event (events/): the report, the recording and a caller\'s listener hear the same stream', async () => {
    const contract = await shippedContract();
    const heard: number[] = [];
    const run = await runClient({ contract, seed: 3, suite: fixtureSuite('clean'), env: { STIGG_API_KEY: API_KEY }, listener: { onClientExchange: (exchange) => void heard.push(exchange.index) } });
    const report = await run.done;
    expect(heard).to.have.length(report.requests).and.be.above(10);
    expect([...heard].sort((a, b) => a - b)).to.deep.equal(heard.map((_, index) => index));
    const verdict = clientVerdict(report, contract, { url: run.url, seed: run.seed });
    expect({ kind: verdict.kind, exit: exitCodeOf(verdict), exchanges: verdict.totals.exchanges }).to.deep.equal({ kind: 'mock', exit: 0, exchanges: report.requests });
    // Success shapes counted on the lines verify's coverage uses (one response-shape model).
    expect(verdict.coverage.map((line) => line.name)).to.include.members(['statuses received', 'requests sent', '/data/vendorIdentifier', '/data/syncData branches']);
  });
});
