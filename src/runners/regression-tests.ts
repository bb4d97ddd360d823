/**
 * Regression tests from a verify run (`verify --save-failures DIR`): one ready-to-run mocha test per distinct failing
 * finding, replaying the exact request through `replayRegression` after recreating the data its case met.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Scenario } from '../checks/index.js';
import { matchPath, decodeSegment } from '../contract/path.js';
import { STATE } from '../pact/state-names.js';
import type { OperationContract } from '../validators/index.js';
import { replayFlags } from '../report/index.js';
import { redactDeep, type ValuePath } from '../secrets.js';
import type { RegressionSpec } from './replay.js';
import { keptFields } from './verify/records.js';
import type { StateChange } from './verify/state-client.js';
import type { VerifySummary } from './verify/verify-runner.js';

/** The decoded path parameters a recorded request addressed, in template order. */
const addressedParams = (path: string, template: string): string[] =>
  Object.values(matchPath(template, path) ?? {}).map((segment) => decodeSegment(segment) ?? segment);

/**
 * The data state the finding's case met, rebuilt from its path, and the state changes that made exactly that data:
 * the one integration (whose record the scenario carries, for record_unchanged), or the missing or forbidden customer.
 */
function stateOf(kind: Scenario['kind'], [customerId = '', integrationId = '']: readonly string[], changes: readonly StateChange[], contract: OperationContract): { scenario: Scenario; states: StateChange[] } {
  if (kind === 'rate-limited') return { scenario: { kind }, states: [{ state: STATE.rateLimited, params: {} }] };
  const mine = (change: StateChange): boolean => change.params['customerId'] === customerId && (change.params['integrationId'] === undefined || change.params['integrationId'] === integrationId);
  const states = changes.filter(mine);
  if (kind === 'existing') {
    const setUp = states.find((change) => change.state === STATE.withIntegration);
    const { customerId: _customer, integrationId: _integration, ...record } = setUp?.params ?? {};
    return { scenario: { kind, customerId, integrationId, ...(setUp ? { record: keptFields(contract, record) } : {}) }, states };
  }
  if (kind === 'no-integration') return { scenario: { kind, customerId, integrationId }, states };
  if (kind === 'no-customer' || kind === 'forbidden') return { scenario: { kind, customerId }, states };
  return { scenario: { kind: 'unknown' }, states: [] };
}

function testFile(spec: RegressionSpec, replay: string): string {
  return `// Regression test written by \`stigg-contract verify --save-failures\` (${replay}).
// ${spec.check}: ${spec.message.replace(/\n/g, ' ')}
// It fails while the provider still behaves this way. Run it with mocha (npm i -D stigg-contract mocha chai),
// against the provider of your choice, without your project's own mocha config:
//   STIGG_BASE_URL=http://127.0.0.1:8080 STIGG_STATE_URL=http://127.0.0.1:8080/_pact/provider-states \\
//   STIGG_API_KEY=... npx mocha --no-config --no-package ${'<this file>'}
// A provider behind a gateway gets the headers verify sent with --header from STIGG_HEADERS, one "Name: value" a line.
import { expect } from 'chai';
import { replayRegression } from 'stigg-contract';

const spec = ${JSON.stringify(spec, null, 2)};

describe('stigg-contract regression: ${spec.check}', function () {
  this.timeout(60_000);
  it(${JSON.stringify(spec.message)}, async () => {
    const env = process.env;
    const findings = await replayRegression(spec, {
      ...(env.STIGG_BASE_URL ? { baseUrl: env.STIGG_BASE_URL } : {}),
      ...(env.STIGG_STATE_URL ? { stateUrl: env.STIGG_STATE_URL } : {}),
      ...(env.STIGG_API_KEY ? { apiKey: env.STIGG_API_KEY } : {}),
      ...(env.STIGG_HEADERS ? { headers: env.STIGG_HEADERS.split('\\n').filter(Boolean) } : {}),
    });
    expect(findings.map((f) => \`\${f.message}: expected \${f.expected}, got \${f.actual}\`)).to.deep.equal([]);
  });
});
`;
}

/** A spec's own vocabulary, never scrubbed: what replayRegression keys on. */
const SPEC_TAGS: ReadonlySet<ValuePath> = new Set(['check', 'states.*.state', 'finding.scenario.kind', 'finding.intent.intent', 'finding.intent.breaks.part', 'finding.intent.breaks.pointer', 'finding.intent.breaks.keyword']);

/** Writes the regression tests for the failing (violation) findings, `secrets` scrubbed from them; returns the files written. */
export function writeRegressionTests(findings: readonly Finding[], dir: string, summary: VerifySummary, contract: OperationContract, secrets: readonly string[] = []): string[] {
  mkdirSync(dir, { recursive: true });
  return findings.filter((finding) => finding.kind === 'violation').map((finding, index) => {
    const { scenario, states } = stateOf(finding.scenario, addressedParams(finding.request.path, contract.operation.pathTemplate), summary.stateChanges, contract);
    const spec: RegressionSpec = redactDeep({
      check: finding.check,
      message: finding.message,
      embedded: summary.embedded,
      baseUrl: summary.baseUrl,
      ...(summary.stateUrl ? { stateUrl: summary.stateUrl } : {}),
      states,
      finding: { intent: finding.intent, request: finding.request, scenario },
    } satisfies RegressionSpec, secrets, { keep: SPEC_TAGS });
    const replay = finding.replay ? replayFlags(finding.replay) : 'no replay';
    const file = join(dir, `${String(index + 1).padStart(2, '0')}-${finding.check}.test.mjs`);
    writeFileSync(file, testFile(spec, replay));
    return file;
  });
}
