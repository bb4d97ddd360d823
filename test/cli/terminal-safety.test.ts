/**
 * Nothing shown to a person carries a control character: a provider's body, a file's bytes or an error message that
 * holds `ESC[2J` (clear the screen) or `ESC]0;…BEL` (retitle the window) is printed escaped (`\x1b[2J`).
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { formatConsole } from '../../src/report/index.js';
import { escapeControls, terminalSafe } from '../../src/report/terminal.js';
import { startVariantProvider, type VariantProvider } from '../fixtures/providers/proxy.js';
import { runCli } from '../helpers/cli.js';
import { sampleReport } from '../report/fixtures.js';

const CLEAR = '\u001b[2J\u001b]0;pwned\u0007\r\u009b';
/** Any control character but tab and newline. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('terminal safety: no control character reaches a terminal', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'terminal-'));
  let provider: VariantProvider;
  before(async () => {
    provider = await startVariantProvider({ response: (_seen, answer) => ({ ...answer, status: 500, body: `{"message":"boom"}${CLEAR}` }) }, 'terminal-key-1');
  });
  after(async () => {
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('escapes every control character but tab and newline, keeping colour codes only in whole lines', () => {
    expect(escapeControls(`a${CLEAR}\tb\n`)).to.equal('a\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\x9b\tb\n');
    expect(terminalSafe(`\u001b[31m✗\u001b[0m ${CLEAR}`)).to.equal('\u001b[31m✗\u001b[0m \\x1b[2J\\x1b]0;pwned\\x07\\x0d\\x9b');
  });

  it('formatConsole shows a provider\'s control characters escaped, its own colours as colours', async () => {
    const report = await sampleReport({}, CLEAR);
    expect(formatConsole(report)).not.to.match(RAW_CONTROL);
    const coloured = formatConsole(report, { color: true });
    expect(coloured).to.contain('\u001b[31m✗').and.to.contain('\\x1b[2J');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).not.to.match(RAW_CONTROL);
  });

  it('verify: a 500 body ending in ESC[2J is printed escaped', async () => {
    const run = await runCli(['verify', '--base-url', provider.url, '--api-key', 'terminal-key-1', '--checks', 'not_a_server_error', '--seed', '1', '--path', 'edge:0']);
    expect(run.code).to.equal(1);
    expect(run.stdout).to.contain('\\x1b[2J');
    expect(run.stdout + run.stderr).not.to.match(RAW_CONTROL);
  });

  it('validate: a file\'s ESC bytes are printed escaped, in its report and in its errors', async () => {
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, `${CLEAR}hello`);
    const bad = await runCli(['validate', 'response', notJson]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('\\x1b');
    expect(bad.stderr).not.to.match(RAW_CONTROL);
    const body = join(dir, 'body.json');
    writeFileSync(body, JSON.stringify({ status: 200, headers: { 'content-type': 'application/json' }, rawBody: `{"data": ${CLEAR}` }));
    const run = await runCli(['validate', 'response', body]);
    expect(run.stdout + run.stderr).to.contain('\\x1b');
    expect(run.stdout + run.stderr).not.to.match(RAW_CONTROL);
  });
});
