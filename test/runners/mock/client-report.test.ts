import { join } from 'node:path';
import { expect } from 'chai';
import { reportFromLog, runClient, type ClientReport } from '../../../src/runners/mock/index.js';
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
  });
});
