/** `stigg-contract mock --contract-next FILE -- <command>` and `mock report LOG --contract-next FILE`: the drift a client met, on the command line. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { runCli } from '../../helpers/cli.js';
import { removeTemp, tempDir } from './helpers.js';

const CLIENT = fileURLToPath(new URL('../../fixtures/broken-clients/cli-client.mjs', import.meta.url));
const NEXT = fileURLToPath(new URL('../../fixtures/contracts/stigg-api-7.65.0.openapi.yaml', import.meta.url));
const env = { STIGG_API_KEY: 'sk_test_mock_drift_cli_0123' };

describe('runners/mock: `mock --contract-next FILE`', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await tempDir();
  });
  after(removeTemp);

  it('a client that maps vendors exhaustively fails; the report says which drift value it met; the log reads back the same', async () => {
    const log = join(dir, 'strict.log');
    const run = await runCli(['mock', '--seed', '4', '--contract-next', NEXT, '--log', log, '--', process.execPath, CLIENT, 'exhaustive-vendors'], { env });
    expect(run.code, run.stdout + run.stderr).to.equal(1);
    const note = "drift (values only Stigg API 7.65.0 allows, served ahead of it): met /data/vendorIdentifier AIRWALLEX ×1; the client's run failed after meeting them: it may break when Stigg API 7.65.0 arrives";
    expect(run.stdout).to.contain(note);
    expect(run.stdout).to.match(/drift values \(Stigg API 7\.65\.0\)\s+\/data\/vendorIdentifier AIRWALLEX ×1 · not covered: \/data\/vendorIdentifier STRIPE_INVOICING, \/data\/syncData SyncRevisionInvoicingData/);
    // A log has every request but not how the client's command ended: it says which drift values were met, not more.
    const again = await runCli(['mock', 'report', log, '--contract-next', NEXT]);
    expect(again.code).to.equal(0);
    expect(again.stdout).to.contain('drift (values only Stigg API 7.65.0 allows, served ahead of it): met /data/vendorIdentifier AIRWALLEX ×1; a log does not say whether the client\'s run passed after meeting them');
    expect(again.stdout).to.match(/drift values \(Stigg API 7\.65\.0\)\s+\/data\/vendorIdentifier AIRWALLEX ×1 · not covered/);
  });

  it('a tolerant client passes, having met the drift values its three updates were served', async () => {
    const run = await runCli(['mock', '--seed', '4', '--contract-next', NEXT, '--', process.execPath, CLIENT, 'clean'], { env });
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.contain("met /data/vendorIdentifier AIRWALLEX ×1; the client's run still passed: it tolerates them");
  });

  it('without --contract-next the strict client passes: nothing in 7.64.2 surprises it', async () => {
    const run = await runCli(['mock', '--seed', '4', '--', process.execPath, CLIENT, 'exhaustive-vendors'], { env });
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.not.contain('drift (values').and.to.not.contain('drift values');
  });
});
