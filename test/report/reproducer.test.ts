import { execFileSync } from 'node:child_process';
import { expect } from 'chai';
import { fillKey, NEAR_MISS_KEYS } from '../../src/arbitraries/index.js';
import fc from 'fast-check';
import { parse, type ParseEntry } from 'shell-quote';
import type { SentRequest } from '../../src/checks/types.js';
import { curlCommand, replayFlags, reproducerFor } from '../../src/report/reproducer.js';
import { checkContext, error, exchange, testCase } from '../checks/fixtures.js';
import { runCheck } from '../../src/checks/run.js';
import { checkById } from '../../src/checks/registry.js';

const KEY = 'sk_test_real_key';
const request = (overrides: Partial<SentRequest> = {}): SentRequest => ({
  method: 'PATCH',
  url: 'http://127.0.0.1:4010/api/v1/customers/a%2Fb/integrations/%2E%2E',
  path: '/api/v1/customers/a%2Fb/integrations/%2E%2E',
  headers: { 'Content-Type': 'application/json', 'X-API-KEY': '$STIGG_API_KEY', 'X-ACCOUNT-ID': "it's $HOME `x` \"q\" !" },
  rawBody: '{"syncedEntityId":"it\'s a \\"test\\"\\n$PATH !x"}',
  ...overrides,
});

/** The argv a shell would run, with $STIGG_API_KEY from the environment. */
const argv = (command: string): ParseEntry[] => parse(command, { STIGG_API_KEY: KEY });

describe('curl reproducer', () => {
  it('round-trips through a shell parse to exactly the request sent', () => {
    const sent = request();
    expect(argv(curlCommand(sent))).to.deep.equal([
      'curl', '--globoff', '--path-as-is', '-X', 'PATCH', sent.url,
      '-H', 'Content-Type: application/json',
      '-H', `X-API-KEY: ${KEY}`,
      '-H', "X-ACCOUNT-ID: it's $HOME `x` \"q\" !",
      '--data-binary', sent.rawBody,
    ]);
  });

  it('round-trips any header value, body and path through bash, control characters included, none shown raw (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((t) => !t.includes('\0') && !t.includes('$STIGG_API_KEY'));
    const cases = fc.sample(fc.tuple(text, text, text), { seed: 4711, numRuns: 100 }).map(([header, body, segment]) => ({
      header, body, sent: request({ url: `http://h/x/${segment}`, headers: { 'X-Api-Key': '$STIGG_API_KEY', 'X-ACCOUNT-ID': header }, rawBody: body }),
    }));
    const commands = cases.map(({ sent }) => curlCommand(sent));
    for (const command of commands) expect(command).not.to.match(/[\u0000-\u001f\u007f-\u009f]/);
    // One bash for every case (a process per case cost seconds): each command's words, then a separator word.
    const script = commands.map((command) => `${command.replace(/^curl /, "printf '%s\\0' ")}; printf 'END-OF-CASE\\0'`).join('\n');
    const output = execFileSync('bash', ['-c', script], { env: { PATH: process.env['PATH'] ?? '', STIGG_API_KEY: KEY, LC_ALL: 'C.UTF-8' }, encoding: 'utf8' });
    const runs = output.split('END-OF-CASE\0').slice(0, -1).map((words) => ['curl', ...words.split('\0').slice(0, -1)]);
    expect(runs).to.have.length(cases.length);
    cases.forEach(({ header, body, sent }, index) => {
      const words = runs[index] ?? [];
      expect(words.slice(0, 6)).to.deep.equal(['curl', '--globoff', '--path-as-is', '-X', 'PATCH', sent.url]);
      expect(words.slice(6, 10)).to.deep.equal(['-H', `X-Api-Key: ${KEY}`, '-H', header === '' ? 'X-ACCOUNT-ID;' : `X-ACCOUNT-ID: ${header}`]);
      expect(words.at(-1)).to.equal(body);
    });
  });

  it('shows the key as "$STIGG_API_KEY", never a value', () => {
    const command = curlCommand(request());
    expect(command).to.contain('-H "X-API-KEY: $STIGG_API_KEY"');
    expect(command).to.not.contain(KEY);
  });

  it('sends a wrong key made from the real one as that (the real key and a 0), still never showing the key', () => {
    for (const [shown, sent] of [['$STIGG_API_KEY0', `${KEY}0`], ['$STIGG_API_KEY-x', `${KEY}-x`], ['x$STIGG_API_KEY_y', `x${KEY}_y`]] as const) {
      const command = curlCommand(request({ headers: { 'X-API-KEY': shown } }));
      expect(argv(command), command).to.include(`X-API-KEY: ${sent}`);
      expect(command).to.not.contain(KEY);
    }
  });

  it('sends each near-miss key as bash computes it from the real one (case, affixes, no-break space, twice), never showing the key', () => {
    for (const { name, expression } of NEAR_MISS_KEYS) {
      const command = curlCommand(request({ headers: { 'X-API-KEY': expression } }));
      expect(command, name).to.not.contain(KEY);
      // bash itself runs the command's words (printf in curl's place): its expansions are what a user's shell does.
      const words = execFileSync('bash', ['-c', command.replace(/^curl /, "printf '%s\\0' ")], { env: { PATH: process.env['PATH'] ?? '', STIGG_API_KEY: KEY, LC_ALL: 'C.UTF-8' }, encoding: 'utf8' }).split('\0');
      expect(words, name).to.include(`X-API-KEY: ${fillKey(expression, KEY)}`);
    }
  });

  it('keeps dot segments and percent-encoding as sent', () => {
    const url = 'http://h/api/v1/customers/./integrations/../x%20y[1]';
    const words = argv(curlCommand(request({ url, path: '/api/v1/customers/./integrations/../x%20y[1]' })));
    expect(words).to.include('--path-as-is').and.include('--globoff').and.include(url);
  });

  it('sends empty header values, suppresses curl\'s default Content-Type, and reads no file for an @ body', () => {
    const words = argv(curlCommand(request({ headers: { 'X-ENVIRONMENT-ID': '' }, rawBody: '@/etc/passwd' })));
    expect(words).to.include('X-ENVIRONMENT-ID;').and.include('Content-Type:');
    expect(words.slice(-2)).to.deep.equal(['--data-raw', '@/etc/passwd']);
  });

  it('omits the body when none was sent, and pipes bodies holding NUL through printf', () => {
    expect(argv(curlCommand(request({ rawBody: undefined })))).to.not.include('--data-binary');
    const command = curlCommand(request({ rawBody: 'a\0b\\0' }));
    expect(command.startsWith("printf '%b' ")).to.equal(true);
    expect(argv(command)).to.deep.include({ op: '|' });
    expect(command).to.contain('--data-binary @-');
  });

  it('gives fast-check replay flags and builds a finding\'s reproducer', async () => {
    expect(replayFlags({ seed: -17, path: '3:1:0' })).to.equal('--seed -17 --path 3:1:0');
    expect(replayFlags({ seed: 5 })).to.equal('--seed 5');
    const check = checkById('auth_required');
    if (!check) throw new Error('auth_required missing');
    const outcome = runCheck(check, await checkContext(), exchange(error(200, null), { case: testCase({ key: { wrong: 'sk_wrong' } }) }));
    if (outcome.status !== 'failed') throw new Error(outcome.status);
    const [finding] = outcome.findings;
    if (!finding) throw new Error('no finding');
    const reproducer = reproducerFor(finding);
    expect(reproducer.replay).to.equal('--seed 42 --path 3:1');
    expect(argv(reproducer.curl)).to.include('X-API-KEY: sk_wrong');
  });
});
