import { inspect } from 'node:util';
import { expect } from 'chai';
import { openContract, type OperationContract } from '../../src/validators/index.js';
import { StiggIntegrationsClient } from '../../src/client/index.js';
import { REDACTED } from '../../src/secrets.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { rejection } from './helpers.js';

const KEY = 'sk-live-CANARY-5f0c1e';

/** Everything a person or a log could see of an error: message, stack, inspect (with cause), JSON. */
const exposed = (error: Error): string => [error.message, error.stack, inspect(error, { depth: 8, showHidden: true }), JSON.stringify(error)].join('\n');

describe('client: the API key never appears in errors', () => {
  let server: FixtureServer;
  let contract: OperationContract;
  before(async () => {
    server = await startFixtureServer();
    contract = await openContract();
  });
  after(() => server.close());
  const client = (options: { validate?: boolean; timeoutMs?: number } = {}): StiggIntegrationsClient =>
    new StiggIntegrationsClient({
      baseUrl: server.url, apiKey: KEY, env: {},
      ...(options.validate ? { validateResponses: contract } : {}),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });

  const echoes = [
    { status: 401, body: { message: `unknown key ${KEY}`, code: 'Unauthenticated' } },
    { status: 400, body: { message: 'bad', code: `BadUserInput ${KEY}`, [KEY]: [KEY] } },
    { status: 500, raw: `internal error for key=${KEY}` },
    { status: 200, raw: `not json ${KEY}` },
  ];
  for (const reply of echoes) {
    it(`redacts a key the server echoes back (${reply.status})`, async () => {
      server.reply(reply);
      const error = await rejection(client().updateIntegration('acme', 'int-1', { syncedEntityId: null }));
      expect(exposed(error)).to.not.contain(KEY);
      expect(error.message).to.contain(REDACTED);
    });
  }

  it('redacts the key from contract-violation issues', async () => {
    server.reply({ status: 200, body: { data: { id: 'i', vendorIdentifier: KEY, syncedEntityId: null } } });
    const error = await rejection(client({ validate: true }).updateIntegration('acme', 'int-1', { syncedEntityId: null }));
    expect(error.name).to.equal('ContractViolationError');
    expect(exposed(error)).to.not.contain(KEY);
  });

  it('keeps the key out of transport errors and out of the inspected client', async () => {
    server.reply({ hang: true });
    const timedOut = await rejection(client({ timeoutMs: 30 }).updateIntegration('acme', 'int-1', { syncedEntityId: null }));
    const closed = await startFixtureServer();
    await closed.close();
    const refused = await rejection(new StiggIntegrationsClient({ baseUrl: closed.url, apiKey: KEY }).updateIntegration('a', 'b', { syncedEntityId: null }));
    for (const error of [timedOut, refused]) expect(exposed(error)).to.not.contain(KEY);
    expect(inspect(client(), { depth: 8, showHidden: true }) + JSON.stringify(client())).to.not.contain(KEY);
  });
});
