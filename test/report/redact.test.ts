import { expect } from 'chai';
import { formatConsole } from '../../src/report/console.js';
import { formatJson } from '../../src/report/json-report.js';
import { formatJunit } from '../../src/report/junit.js';
import { REDACTED, redact, redactDeep, redactor } from '../../src/secrets.js';
import { CANARY, sampleReport } from './fixtures.js';

/** Every spelling of the canary an output could carry. */
const spellings = [CANARY, JSON.stringify(CANARY).slice(1, -1), encodeURIComponent(CANARY), 'sk_live_CANARY'];

describe('redaction', () => {
  it('replaces a secret in raw, JSON-escaped, percent-encoded and XML-escaped spellings', () => {
    const xml = CANARY.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const text = `a ${CANARY} b ${JSON.stringify(CANARY)} c ${encodeURIComponent(CANARY)} d ${xml}`;
    const out = redact(text, [CANARY]);
    for (const spelling of spellings) expect(out).to.not.contain(spelling);
    expect(out.split(REDACTED)).to.have.length(5);
  });

  it('ignores empty secrets and leaves other text alone', () => {
    expect(redact('nothing to hide', ['', 'absent'])).to.equal('nothing to hide');
    expect(redactor(['k3y'])('the k3y is k3y')).to.equal(`the ${REDACTED} is ${REDACTED}`);
  });

  it('redacts the values of plain data, not its keys, without touching the original', () => {
    const data = { list: [CANARY, 1, null], nested: { value: `x${CANARY}y` } };
    const out = redactDeep(data, [CANARY]);
    expect(JSON.stringify(out)).to.not.contain('CANARY');
    expect(Object.keys(out)).to.deep.equal(['list', 'nested']);
    expect(data.nested.value).to.contain(CANARY);
  });

  it('keeps a key a provider echoed in a body out of every formatter (canary)', async () => {
    const report = await sampleReport();
    expect(JSON.stringify(report)).to.contain('sk_live_CANARY');
    const outputs = {
      console: formatConsole(report, { secrets: [CANARY], color: true }),
      json: formatJson(report, { secrets: [CANARY] }),
      junit: formatJunit(report, { secrets: [CANARY] }),
    };
    for (const [name, output] of Object.entries(outputs)) {
      for (const spelling of spellings) expect(output, `${name} leaks ${spelling}`).to.not.contain(spelling);
    }
    // The 500 exemplar's body is printed in the console report, so the redaction is visible there.
    expect(outputs.console).to.contain(REDACTED);
  });
});
