import { expect } from 'chai';
import { runClient, type ClientReport } from '../../../src/runners/mock/index.js';
import { BROKEN_CLIENTS } from '../../fixtures/broken-clients/catalogue.js';
import { fixtureSuite } from '../../fixtures/broken-clients/clients.js';
import { API_KEY, shippedContract } from './helpers.js';

const SEEDS = [1, 2, 3, 4, 5];

/** One fixture client through the one-command step (in process), with only its key in the environment. */
async function step(id: string, seed: number): Promise<ClientReport> {
  const run = await runClient({ contract: await shippedContract(), seed, suite: fixtureSuite(id), env: { STIGG_API_KEY: API_KEY } });
  return run.done;
}

const brief = (report: ClientReport): string =>
  `${report.verdicts.violation} violation(s), ${report.verdicts.unmatched} unmatched, command ${JSON.stringify(report.command)}`;

describe('runners/mock: broken clients fail the one-command step on every seed; the clean and SDK-shaped clients pass', function () {
  this.timeout(30_000);

  for (const seed of SEEDS) {
    it(`seed ${seed}: ${BROKEN_CLIENTS.length} broken clients caught, each for its own bug`, async () => {
      const reports = await Promise.all(BROKEN_CLIENTS.map((client) => step(client.id, seed)));
      BROKEN_CLIENTS.forEach((client, index) => {
        const report = reports[index] as ClientReport;
        expect(report.passed, `${client.id} (${client.bug}) passed: ${brief(report)}`).to.equal(false);
        const refused = report.verdicts.violation + report.verdicts.unmatched;
        // A bug the mock sees shows in the requests; any other only in the client's own suite failing on what it was served.
        if (client.caughtBy === 'mock') expect(refused, `${client.id}: ${brief(report)}`).to.be.above(0);
        else {
          const outcome = report.command && 'exitCode' in report.command ? report.command : undefined;
          expect({ refused, exitCode: outcome?.exitCode }, client.id).to.deep.equal({ refused: 0, exitCode: 1 });
          expect(outcome?.message, client.id).to.match(client.symptom ?? /$^/);
        }
      });
    });

    it(`seed ${seed}: the clean and SDK-shaped clients pass, having exercised every status, shape and edge`, async () => {
      for (const id of ['clean', 'sdk']) {
        const report = await step(id, seed);
        expect(report.passed, `${id}: ${brief(report)}`).to.equal(true);
        const missed = report.coverage.filter((item) => item.count === 0 && item.group !== 'error drills received').map((item) => `${item.group}: ${item.label}`);
        expect(missed, id).to.deep.equal([]);
      }
    });
  }
});
