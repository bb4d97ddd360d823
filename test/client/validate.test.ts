import { expect } from 'chai';
import { openContract, type OperationContract } from '../../src/validators/index.js';
import { ContractViolationError, NotFoundError } from '../../src/client/index.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { clientFor, OK_BODY, rejection } from './helpers.js';

describe('client: validateResponses holds responses to the contract', () => {
  let server: FixtureServer;
  let contract: OperationContract;
  before(async () => {
    server = await startFixtureServer();
    contract = await openContract();
  });
  after(() => server.close());
  const call = (): Promise<unknown> => clientFor(server.url, { validateResponses: contract }).updateIntegration('acme', 'int-1', { syncedEntityId: null });

  it('passes a valid response through', async () => {
    server.reply({ status: 200, body: OK_BODY });
    expect(await call()).to.deep.equal(OK_BODY.data);
  });

  it('accepts what only the document\'s defects reject (price-billing syncData, which two oneOf branches match)', async () => {
    const syncData = { billingId: 'b', billingLinkUrl: 'https://x', priceGroupPackageBillingId: 'p' };
    server.reply({ status: 200, body: { data: { ...OK_BODY.data, syncData } } });
    expect(await call()).to.have.deep.property('syncData', syncData);
  });

  it('throws ContractViolationError listing each issue with its pointer', async () => {
    server.reply({ status: 200, body: { data: { id: 'int-1', vendorIdentifier: 'PAYPAL' } } });
    const error = await rejection(call());
    expect(error).to.be.instanceOf(ContractViolationError);
    const { issues } = error as ContractViolationError;
    expect(issues.map((issue) => `${issue.pointer} ${issue.keyword}`)).to.have.members(['/data/vendorIdentifier enum', '/data/syncedEntityId required']);
    expect(error.message).to.contain('/data/vendorIdentifier');
  });

  it('an undocumented status is a violation too', async () => {
    server.reply({ status: 500, body: { message: 'boom' } });
    const error = await rejection(call());
    expect(error).to.be.instanceOf(ContractViolationError).and.include({ status: 500 });
    expect((error as ContractViolationError).issues[0]).to.include({ keyword: 'status' });
  });

  it('a documented error that fits the contract is still its typed error', async () => {
    server.reply({ status: 404, body: { message: 'no such customer', code: 'CustomerNotFound' } });
    expect(await rejection(call())).to.be.instanceOf(NotFoundError).and.include({ code: 'CustomerNotFound' });
  });
});
