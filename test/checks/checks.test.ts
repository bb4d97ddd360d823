import { expect } from 'chai';
import { CHECK_IDS, checkById } from '../../src/checks/registry.js';
import { runCheck } from '../../src/checks/run.js';
import type { CheckOutcome } from '../../src/checks/check.js';
import { checkContext } from './fixtures.js';
import { dataRows } from './rows-data.js';
import { inputRows } from './rows-input.js';
import { multiRows } from './rows-multi.js';
import { responseRows } from './rows-response.js';
import type { Expectation, Row } from './table.js';

const rows: readonly Row[] = [...responseRows, ...inputRows, ...dataRows, ...multiRows];

function classify(outcome: CheckOutcome): Expectation {
  if (outcome.status === 'skipped' || outcome.status === 'not-applicable') return outcome.status;
  const kinds = outcome.findings.map((finding) => finding.kind);
  if (kinds.includes('violation')) return 'failed';
  if (kinds.includes('contract-defect')) return 'defect';
  return kinds.includes('warning') ? 'warned' : 'passed';
}

function said(outcome: CheckOutcome): string {
  if (outcome.status === 'skipped') return outcome.reason;
  if (outcome.status === 'not-applicable') return '';
  return outcome.findings.map((finding) => finding.message).join(' | ');
}

describe('checks (table-driven)', () => {
  for (const row of rows) {
    it(`${row.check}: ${row.name} → ${row.expect}`, async () => {
      const check = checkById(row.check);
      expect(check, `no check ${row.check}`).to.not.equal(undefined);
      if (!check) return;
      const outcome = runCheck(check, await checkContext(), row.exchange());
      expect(classify(outcome), said(outcome)).to.equal(row.expect);
      if (row.says) expect(said(outcome)).to.contain(row.says);
    });
  }

  it('gives every registered check a row it passes and a row it fails', () => {
    for (const id of CHECK_IDS) {
      const mine = rows.filter((row) => row.check === id).map((row) => row.expect);
      expect(mine, id).to.include('passed');
      expect(mine.some((e) => e === 'failed' || e === 'defect'), `${id} has no failing row`).to.equal(true);
    }
  });

  it('fills findings with the case intent, scenario, trimmed response and replay', async () => {
    const row = responseRows.find((r) => r.check === 'not_a_server_error' && r.name === '500');
    const check = checkById('not_a_server_error');
    if (!row || !check) throw new Error('fixture row missing');
    const exchange = row.exchange();
    const big = { ...exchange, response: { status: 500, headers: {}, rawBody: 'é'.repeat(5000), elapsedMs: 1 } };
    const outcome = runCheck(check, await checkContext(), big);
    if (outcome.status !== 'failed') throw new Error(`expected failed, got ${outcome.status}`);
    const [finding] = outcome.findings;
    expect(finding?.intent).to.deep.equal({ intent: 'valid' });
    expect(finding?.scenario).to.equal('existing');
    expect(finding?.replay).to.deep.equal({ seed: 42, path: '3:1' });
    if (!finding || 'error' in finding.response) throw new Error('expected a response');
    expect(finding.response.truncated).to.equal(true);
    expect(Buffer.byteLength(finding.response.body)).to.be.at.most(2048);
    expect(finding.actual.length).to.be.below(260);
  });
});
