import { expect } from 'chai';
import type { RecordedRequest } from '../../fixtures/broker-double.js';
import { startBrokerDouble, type BrokerDouble } from '../../fixtures/broker-double.js';
import { runCli, type CliRun } from '../../helpers/cli.js';
import { brokerEnv, PROJECT_PACT, storePact } from './helpers.js';

// Secrets with characters that change under every encoding: '/', '+', '=' and a space-free token68 shape.
const TOKEN = 'tok/9c+f1=canary';
const USER = 'ci-user';
const PASSWORD = 'pa/ss+w0rd=canary';
const CONSUMER = 'stigg-contract-client';

/** Every spelling of the credentials a printed echo could carry, computed here independently of src/secrets.ts. */
function spellings(): string[] {
  const basic = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
  return [...new Set([TOKEN, PASSWORD].flatMap((s) => [s, encodeURIComponent(s), s.replace(/\//g, '\\/'), encodeURIComponent(s).toLowerCase(), Buffer.from(s).toString('base64')])), basic, basic.replace(/=+$/, '')];
}

/** What a broker that echoes the Authorization header says, in every encoding. */
function echo(request: RecordedRequest): string {
  const header = String(request.headers['authorization'] ?? '');
  const credential = header.replace(/^(Bearer|Basic) /, '');
  const decoded = header.startsWith('Basic ') ? Buffer.from(credential, 'base64').toString('utf8') : credential;
  const secret = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : decoded;
  return [`you sent ${header}`, `percent ${encodeURIComponent(secret)}`, `json ${secret.replace(/\//g, '\\/')}`, `b64 ${Buffer.from(secret).toString('base64')}`, `pair ${decoded}`].join('; ');
}

const auths = {
  token: { double: { token: TOKEN }, env: { PACT_BROKER_TOKEN: TOKEN } },
  basic: { double: { username: USER, password: PASSWORD }, env: { PACT_BROKER_USERNAME: USER, PACT_BROKER_PASSWORD: PASSWORD } },
} as const;

describe('broker commands scrub every byte they print: a broker echoing the Authorization header (issue 12)', function () {
  this.timeout(60_000);
  for (const [kind, auth] of Object.entries(auths)) {
    describe(`with ${kind} auth`, () => {
      let broker: BrokerDouble;
      let env: Record<string, string>;
      beforeEach(async () => {
        broker = await startBrokerDouble({ auth: auth.double });
        env = brokerEnv(broker, auth.env);
        await storePact(broker, PROJECT_PACT, 'v1');
      });
      afterEach(() => broker.close());

      async function scrubbed(args: readonly string[], expectedCode: number): Promise<CliRun> {
        const run = await runCli(args, { env });
        const printed = `${run.stdout}\n${run.stderr}`;
        expect(run.code, printed).to.equal(expectedCode);
        for (const spelling of spellings()) expect(printed, `${args[0]} printed ${spelling}`).not.to.include(spelling);
        return run;
      }

      it('can-i-deploy: in the reason and notices of a "yes" and a "no", and in a refusal', async () => {
        const answer = (deployable: boolean) => (r: RecordedRequest) => ({ summary: { deployable, reason: echo(r), success: 1, failed: 0, unknown: 0 }, notices: [{ type: 'warning', text: echo(r) }], matrix: [] });
        broker.fault({ path: '/matrix', status: 200, bodyFrom: answer(true), times: 1 });
        broker.fault({ path: '/matrix', status: 200, bodyFrom: answer(false), times: 1 });
        broker.fault({ path: '/matrix', status: 400, bodyFrom: (r) => ({ errors: { q: [echo(r)] } }), times: 1 });
        const args = ['can-i-deploy', '--pacticipant', CONSUMER, '--version', 'v1'];
        expect((await scrubbed(args, 0)).stdout).to.match(/you sent (Bearer|Basic) \[REDACTED\]/);
        expect((await scrubbed(args, 1)).stdout).to.match(/\[warning\] you sent (Bearer|Basic) \[REDACTED\]/);
        expect((await scrubbed(args, 2)).stderr).to.include('[REDACTED]');
      });

      it('publish: in the notices of a success (also with --verbose) and in a refusal', async () => {
        broker.fault({ method: 'POST', path: '/contracts/publish', status: 400, bodyFrom: (r) => ({ errors: { contracts: [echo(r)] }, notices: [{ type: 'error', text: echo(r) }] }), times: 1 });
        expect((await scrubbed(['publish', PROJECT_PACT, '--consumer-version', 'v2'], 2)).stderr).to.include('[REDACTED]');
        broker.fault({ method: 'GET', path: '/', status: 200, bodyFrom: (r) => ({ _links: { 'pb:publish-contracts': { href: `${broker.url}/contracts/publish`, title: echo(r) } } }), times: 1 });
        const ok = await scrubbed(['publish', PROJECT_PACT, '--consumer-version', 'v3', '--branch', 'main', '--verbose'], 0);
        expect(ok.stdout).to.include('Pact published');
      });

      it('record-deployment and record-release: in a refusal', async () => {
        for (const command of ['record-deployment', 'record-release']) {
          broker.fault({ method: 'POST', path: /\/(deployed|released)-versions\//, status: 400, bodyFrom: (r) => ({ errors: { environment: [echo(r)] }, error: { message: echo(r) } }), times: 1 });
          const run = await scrubbed([command, '--pacticipant', CONSUMER, '--version', 'v1', '--environment', 'test'], 2);
          expect(run.stderr).to.match(new RegExp(`pact broker ${command} failed`));
        }
      });
    });
  }
});
