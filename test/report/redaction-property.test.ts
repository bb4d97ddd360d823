/**
 * Redaction never rewrites output structure: for any secret (one letter, a key the format uses, a character of its
 * syntax, a random string), every real writer's output stays valid and keeps its shape — the same keys, tags and
 * elements as without the secret — and no value it holds carries the secret.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { CHECKS } from '../../src/checks/registry.js';
import { runChecks } from '../../src/checks/run.js';
import { formatConsole, formatJson, formatJunit, pactLine, parseReport, trafficLines } from '../../src/report/index.js';
import { REPORT_TAGS } from '../../src/report/redact.js';
import { logLine } from '../../src/runners/mock/index.js';
import { REDACTED, scrubValues, type ValuePath } from '../../src/secrets.js';
import { checkContext } from '../checks/fixtures.js';
import { sampleExchanges, sampleReport } from './fixtures.js';
import { assertWellFormed } from './xml.js';

/** Secrets that broke outputs once, the syntax of each format, and the words its structure is made of. */
const NASTY = ['k', 'id', 'meta', 'checks', 'body', 'path', 'data', 'test', 'kind', 'verdict', 'violation', 'PASSED', 'testcase',
  '<', '>', '"', "'", '&', '\\', '{', '}', '[', ']', ':', ',', '\n', ' ', '/', '$STIGG_API_KEY', 'x-api-key', 'REDACTED', 'null', '0'];
const secrets = fc.oneof(fc.constantFrom(...NASTY), fc.string({ minLength: 1, maxLength: 12 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }));

/** The shape of parsed data: every string emptied, so only keys, nesting, numbers and booleans are compared. */
const shapeOf = (value: unknown): unknown => scrubValues(value, () => '');

/** Asserts no value outside `keep` carries the secret (the placeholder's own letters aside). */
function assertNoLeak(value: unknown, secret: string, keep: ReadonlySet<ValuePath>, where: string): void {
  scrubValues(value, (text) => {
    for (const piece of text.split(REDACTED)) expect(piece.includes(secret), `${where} leaks ${JSON.stringify(secret)} in ${JSON.stringify(text).slice(0, 200)}`).to.equal(false);
    return text;
  }, { keep });
}

describe('redaction keeps every output valid, whatever the secret (property, fixed seed)', () => {
  it('console, JSON and JUnit reports: same structure as without the secret, the secret in no value', async () => {
    const control = await sampleReport();
    const plainJson = JSON.parse(formatJson(control)) as unknown;
    const plainXml = assertWellFormed(formatJunit(control));
    const plainConsole = formatConsole(control).split('\n');
    await fc.assert(fc.asyncProperty(secrets, async (secret) => {
      const report = await sampleReport({ baseUrl: `http://127.0.0.1:4010/${encodeURIComponent(secret)}` }, secret);
      const json = formatJson(report, { secrets: [secret] });
      const parsed = JSON.parse(json) as unknown;
      expect(shapeOf(parsed)).to.deep.equal(shapeOf(plainJson));
      expect(parseReport(json).checks.map((check) => check.id)).to.deep.equal(control.checks.map((check) => check.id));
      assertNoLeak(parsed, secret, REPORT_TAGS, 'JSON');
      expect(assertWellFormed(formatJunit(report, { secrets: [secret] }))).to.deep.equal(plainXml);
      const lines = formatConsole(report, { secrets: [secret], color: true }).split('\n');
      expect(lines[0]).to.equal(plainConsole[0]);
      expect(lines.at(-2)?.replace(/\u001b\[\d+m/g, '').split(':')[0]).to.equal(plainConsole.at(-2)?.split(':')[0]);
      if (!secret.includes('\n')) expect(lines.length).to.equal(plainConsole.length);
    }), { seed: 2502, numRuns: 120 });
  });

  it('NDJSON traffic-log lines: each parses, with the keys and tags of the line without the secret', async () => {
    const context = await checkContext();
    const exchanges = sampleExchanges('SECRET-PLACEHOLDER');
    fc.assert(fc.property(secrets, (secret) => {
      for (const plain of exchanges) {
        const echoed = JSON.parse(JSON.stringify(plain).replaceAll('SECRET-PLACEHOLDER', JSON.stringify(secret).slice(1, -1))) as typeof plain;
        const runs = runChecks(CHECKS, context, echoed);
        const control = trafficLines(echoed, runs, []).split('\n').map((line) => JSON.parse(line) as unknown);
        const redacted = trafficLines(echoed, runs, [secret]).split('\n').map((line) => JSON.parse(line) as unknown);
        expect(redacted.map(shapeOf)).to.deep.equal(control.map(shapeOf));
        expect(redacted.map((line) => (line as { verdict?: string }).verdict)).to.deep.equal(control.map((line) => (line as { verdict?: string }).verdict));
      }
      const pact = JSON.parse(pactLine({ description: `d ${secret}`, passed: false, message: secret }, [secret])) as { verdict: string };
      expect(pact.verdict).to.equal('failed');
    }), { seed: 2503, numRuns: 60 });
  });

  it("the mock's log line keeps its keys whatever the client's key (`body`, `path`, `data`), and drops the key", () => {
    const decision = { reply: { status: 200, headers: {}, body: { data: { id: 'int-1', syncedEntityId: 'cus_1' } } }, verdict: 'valid' as const, issues: [], source: 'generated' as const };
    fc.assert(fc.property(secrets, (secret) => {
      const request = {
        method: 'PATCH', path: '/api/v1/customers/acme/integrations/int-1', headers: { 'x-api-key': secret, 'content-type': 'application/json' },
        rawBody: JSON.stringify({ syncedEntityId: `cus ${secret}`, data: secret, path: secret }),
      };
      const control = logLine(new Date(0), 0, 1, request, decision, []);
      const { line } = logLine(new Date(0), 0, 1, request, decision, ['x-api-key']);
      const parsed = JSON.parse(line) as { verdict: string; request: { headers: Record<string, string> } };
      expect(shapeOf(parsed)).to.deep.equal(shapeOf(JSON.parse(control.line)));
      expect(parsed.verdict).to.equal('valid');
      expect(parsed.request.headers['x-api-key']).to.contain(REDACTED);
      // Keys this short are cut only out of their header: everywhere else they would mangle every line.
      if ([...secret.trim()].length >= 4 && secret.trim() === secret) assertNoLeak(parsed, secret, new Set(['time', 'verdict', 'response.source']), 'mock log');
    }), { seed: 2504, numRuns: 150 });
  });
});
