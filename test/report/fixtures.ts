/** A small run for report tests: a few exchanges through every check, into a report. */
import { CHECKS } from '../../src/checks/registry.js';
import { runChecks } from '../../src/checks/run.js';
import type { Exchange } from '../../src/checks/types.js';
import { createReportBuilder, type ReportBuilderOptions } from '../../src/report/builder.js';
import type { VerifyReport } from '../../src/report/types.js';
import { checkContext, error, exchange, invalidCase, json, ok, related, testCase } from '../checks/fixtures.js';

/** A canary API key: it must never appear in any output, in any spelling. */
export const CANARY = 'sk_live_CANARY"</&+key';

const tooLong = invalidCase({ part: 'body', pointer: '/syncedEntityId', keyword: 'maxLength' }, { rawBody: JSON.stringify({ syncedEntityId: 'x'.repeat(256) }) });

/** Exchanges covering passes, violations, a contract defect, a warning, skips and an echoed key (`secret`). */
export function sampleExchanges(secret = CANARY): Exchange[] {
  return [
    exchange(ok(), { related: [related('repeat', 'sent first', ok())] }),
    exchange(ok('cus_123', 'stripe-main', { syncData: null })),
    exchange(json(500, { message: `internal error for key ${secret}` }, { 'x-echo': secret })),
    exchange(json(500, { message: `internal error for key ${JSON.stringify(secret)} ${encodeURIComponent(secret)}` })),
    exchange(error(400, 'BadUserInput'), { case: tooLong }),
    exchange(error(404, null), { scenario: { kind: 'no-customer' } }),
    exchange(ok(), { case: testCase({ key: 'missing' }) }),
    exchange(ok(), { scenario: { kind: 'unknown' } }),
  ];
}

/** Runs every check over the sample exchanges (echoing `secret`) and builds the report. */
export async function sampleReport(overrides: Partial<ReportBuilderOptions> = {}, secret = CANARY): Promise<VerifyReport> {
  const context = await checkContext();
  const { contract } = context;
  const builder = createReportBuilder({
    contract,
    checks: CHECKS,
    baseUrl: 'http://127.0.0.1:4010',
    seed: 42,
    runs: 8,
    invalidKinds: [
      { id: 'body/syncedEntityId:maxLength', part: 'body', pointer: '/syncedEntityId', keyword: 'maxLength' },
      { id: 'path/id:pattern#first', part: 'path', pointer: '/id', keyword: 'pattern' },
      { id: 'path/id:pattern#char', part: 'path', pointer: '/id', keyword: 'pattern' },
      { id: 'body:additionalProperties', part: 'body', pointer: undefined, keyword: 'additionalProperties' },
    ],
    ...overrides,
  });
  for (const sample of sampleExchanges(secret)) builder.onExchange(sample, runChecks(CHECKS, context, sample));
  builder.onPact({ description: 'update the synced entity id', state: 'a customer with an integration', passed: true });
  builder.onPact({ description: 'update for a missing customer', state: 'no customer', passed: false, message: `expected 404, got 500 ${secret}` });
  return builder.build(1234);
}
