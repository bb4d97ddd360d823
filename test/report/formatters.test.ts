import { expect } from 'chai';
import { CHECK_IDS } from '../../src/checks/registry.js';
import { formatConsole } from '../../src/report/console.js';
import { parseReport } from '../../src/report/parse.js';
import { formatJson } from '../../src/report/json-report.js';
import { formatJunit, xmlSafe } from '../../src/report/junit.js';
import { sampleReport } from './fixtures.js';
import { assertWellFormed } from './xml.js';

const ESC = '\u001b[';

describe('console formatter', () => {
  it('prints a summary row per check, findings with expected/actual/curl/replay, pacts, coverage and the verdict', async () => {
    const text = formatConsole(await sampleReport());
    expect(text).to.match(/check\s+passed\s+failed\s+skipped\s+n\/a/);
    expect(text).to.match(/✗ not_a_server_error\s+6\s+2\s+0\s+0/);
    for (const id of CHECK_IDS) expect(text).to.contain(` ${id} `);
    expect(text).to.contain('skipped 1×: no provider state or fixture');
    expect(text).to.contain('[violation] server error 500  ×2');
    expect(text).to.match(/expected {2}a status below 500/);
    expect(text).to.contain('curl      curl --globoff --path-as-is -X PATCH');
    expect(text).to.contain('replay    stigg-contract verify --seed 42 --path 3:1');
    expect(text).to.contain('Pact interactions (1/2 passed)');
    expect(text).to.contain('✗ no customer › update for a missing customer: expected 404, got 500');
    expect(text).to.match(/statuses\s+200 ×\d+.*not covered: 401, 403, 429/);
    expect(text).to.contain('FAILED:');
    expect(text).to.not.contain(ESC);
  });

  it('colours only when asked (the CLI asks on a TTY)', async () => {
    expect(formatConsole(await sampleReport(), { color: true })).to.contain(`${ESC}31m✗`);
  });

  it('says why a run could not be done', async () => {
    expect(formatConsole({ ...(await sampleReport()), aborted: { reason: 'provider unreachable' } })).to.contain('Could not run: provider unreachable');
  });
});

describe('JSON formatter', () => {
  it('is parseable, and prints keys in a stable (sorted) order', async () => {
    const report = await sampleReport();
    const text = formatJson(report);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).to.deep.equal(['checks', 'coverage', 'findings', 'kind', 'meta', 'pacts', 'totals']);
    const reordered = { totals: report.totals, kind: report.kind, meta: report.meta, checks: report.checks, findings: report.findings, pacts: report.pacts, coverage: report.coverage };
    expect(formatJson(reordered)).to.equal(text);
  });
});

describe('JSON reports round-trip', () => {
  it('parse back into the model they were written from', async () => {
    const report = await sampleReport();
    const parsed = parseReport(formatJson(report));
    expect(parsed).to.deep.equal(JSON.parse(JSON.stringify(report)));
    expect(formatJson(parsed)).to.equal(formatJson(report));
  });

  it('read a verify report written before kind and coverage lines, and refuse what is not a report, saying what is missing', async () => {
    const old = JSON.parse(formatJson(await sampleReport())) as Record<string, unknown>;
    delete old['kind'];
    old['coverage'] = { statuses: { seen: [{ value: '200', count: 3 }], notCovered: ['401'], undocumented: [] }, errorCodes: [{ status: 404, seen: [], notCovered: ['CustomerNotFound'] }], enums: [], branches: [{ pointer: '/data/syncData', seen: [], notCovered: ['null'] }], invalidTags: { seen: [], notCovered: [] }, edgeClasses: { seen: [], notCovered: [] } };
    const parsed = parseReport(JSON.stringify(old));
    expect(parsed.kind).to.equal('verify');
    expect(parsed.coverage.map((line) => line.name)).to.deep.equal(['statuses', '404 codes', '/data/syncData branches', 'invalid-input tags', 'edge classes']);
    expect(parsed.coverage[1]).to.deep.equal({ name: '404 codes', seen: [], notCovered: ['CustomerNotFound'] });
    for (const [text, message] of [['[]', /not a JSON object/], ['{', /not JSON/], ['{"kind":"other"}', /unknown kind "other"/], [JSON.stringify({ ...old, totals: {} }), /totals lack a count/]] as const) {
      expect(() => parseReport(text)).to.throw(message);
    }
  });
});

describe('JUnit formatter', () => {
  it('writes well-formed XML with one test case per check and per pact interaction', async () => {
    const xml = formatJunit(await sampleReport());
    const names = assertWellFormed(xml);
    expect(names.filter((name) => name === 'testcase')).to.have.length(CHECK_IDS.length + 2);
    for (const id of CHECK_IDS) expect(xml).to.contain(`name="${id}"`);
  });

  it('fails checks with violations (their messages), skips checks that never passed, fails failed pacts', async () => {
    const xml = formatJunit(await sampleReport());
    expect(xml).to.match(/<testcase classname="stigg-contract.checks" name="not_a_server_error"[^>]*>\s*<failure message="2 findings: server error 500"/);
    expect(xml).to.match(/name="access_denied"[^>]*>\s*<skipped\/>/);
    expect(xml).to.match(/name="no customer › update for a missing customer"[^>]*>\s*<failure message="expected 404, got 500 /);
  });

  it('fails a check on contract defects only under --strict-contract', async () => {
    const lenient = formatJunit(await sampleReport());
    const strict = formatJunit(await sampleReport({ strictContract: true }));
    const schemaCase = (xml: string): string => /<testcase[^>]*name="response_schema"[\s\S]*?<\/testcase>|<testcase[^>]*name="response_schema"[^>]*\/>/.exec(xml)?.[0] ?? '';
    expect(schemaCase(lenient)).to.not.contain('<failure');
    expect(schemaCase(strict)).to.contain('<failure');
  });

  it('keeps control characters and CDATA terminators from breaking the XML', () => {
    expect(xmlSafe('a\u0000b\u001bc]]>d]]>')).to.equal('a\\u{0}b\\u{1b}c]] >d]] >');
    assertWellFormed(`<a><![CDATA[${xmlSafe('x]]>y]]>z')}]]></a>`);
  });
});
