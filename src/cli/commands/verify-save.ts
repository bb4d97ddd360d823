/** `verify --save-failures DIR`: one ready-to-run mocha regression test per distinct failing finding. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../checks/index.js';
import { matchPath, decodeSegment } from '../../contract/path.js';
import type { Report } from '../../report/index.js';
import type { RegressionSpec } from '../../runners/replay.js';
import type { VerifySummary } from '../../runners/verify/verify.js';
import type { StateChange } from '../../runners/verify/states.js';

const PATH_TEMPLATE_PARAMS = (path: string, template: string): Record<string, string> =>
  Object.fromEntries(Object.entries(matchPath(template, path) ?? {}).map(([k, v]) => [k, decodeSegment(v) ?? v]));

/** The data state the finding's case met, rebuilt from its path, and the state changes that made it. */
function stateOf(kind: Scenario['kind'], params: Record<string, string>, changes: readonly StateChange[]): { scenario: Scenario; states: StateChange[] } {
  const [customerId = '', integrationId = ''] = Object.values(params);
  const states = changes.filter((change) => change.params['customerId'] === customerId);
  const scenario: Scenario = kind === 'existing' || kind === 'no-integration' ? { kind, customerId, integrationId }
    : kind === 'no-customer' || kind === 'forbidden' ? { kind, customerId } : { kind } as Scenario;
  return { scenario, states: kind === 'rate-limited' ? [{ state: 'the API key is rate limited', params: {} }] : states };
}

function testFile(spec: RegressionSpec, replay: string): string {
  return `// Regression test written by \`stigg-contract verify --save-failures\` (${replay}).
// ${spec.check}: ${spec.message.replace(/\n/g, ' ')}
// It fails while the provider still behaves this way. Run it with mocha (npm i -D stigg-contract mocha chai),
// against the provider of your choice, without your project's own mocha config:
//   STIGG_BASE_URL=http://127.0.0.1:8080 STIGG_STATE_URL=http://127.0.0.1:8080/_pact/provider-states \\
//   STIGG_API_KEY=... npx mocha --no-config --no-package ${'<this file>'}
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
    });
    expect(findings.map((f) => \`\${f.message}: expected \${f.expected}, got \${f.actual}\`)).to.deep.equal([]);
  });
});
`;
}

/** Writes the regression tests for the report's failing (non-warning) findings; returns the files written. */
export function saveFailures(report: Report, dir: string, summary: VerifySummary, template: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  report.findings.filter((group) => group.kind === 'violation').forEach((group, index) => {
    const { finding } = group;
    const { scenario, states } = stateOf(finding.scenario, PATH_TEMPLATE_PARAMS(finding.request.path, template), summary.stateChanges);
    const spec: RegressionSpec = {
      check: finding.check,
      message: finding.message,
      embedded: summary.embedded,
      baseUrl: summary.baseUrl,
      ...(summary.stateUrl ? { stateUrl: summary.stateUrl } : {}),
      states,
      finding: { intent: finding.intent, request: finding.request, scenario },
    };
    const replay = finding.replay ? `--seed ${finding.replay.seed}${finding.replay.path ? ` --path ${finding.replay.path}` : ''}` : 'no replay';
    const file = join(dir, `${String(index + 1).padStart(2, '0')}-${finding.check}.test.mjs`);
    writeFileSync(file, testFile(spec, replay));
    files.push(file);
  });
  return files;
}
