import { expect } from 'chai';
import {
  BadInputError, ForbiddenError, NotFoundError, RateLimitedError, StiggApiError, StiggTransportError, UnauthenticatedError,
  UnexpectedResponseError,
} from '../../src/client/index.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { clientFor, rejection } from './helpers.js';

describe('client: a typed error per documented status', () => {
  let server: FixtureServer;
  before(async () => {
    server = await startFixtureServer();
  });
  after(() => server.close());
  const call = (timeoutMs?: number): Promise<unknown> =>
    clientFor(server.url, timeoutMs === undefined ? {} : { timeoutMs }).updateIntegration('acme', 'int-1', { syncedEntityId: 'x' });

  const documented = [
    { status: 400, code: 'BadUserInput', type: BadInputError },
    { status: 401, code: 'Unauthenticated', type: UnauthenticatedError },
    { status: 403, code: 'IdentityForbidden', type: ForbiddenError },
    { status: 404, code: 'CustomerNotFound', type: NotFoundError },
    { status: 404, code: 'IntegrationNotFound', type: NotFoundError },
    { status: 429, code: 'RateLimitExceeded', type: RateLimitedError },
  ] as const;
  for (const { status, code, type } of documented) {
    it(`${status} ${code} → ${type.name} with status, code and message`, async () => {
      server.reply({ status, body: { message: `it is ${code}`, code } });
      const error = await rejection(call());
      expect(error).to.be.instanceOf(type).and.instanceOf(StiggApiError);
      expect(error).to.include({ name: type.name, status, code, serverMessage: `it is ${code}` });
      expect(error.message).to.equal(`PATCH /api/v1/customers/acme/integrations/int-1 → ${status} ${code}: it is ${code}`);
    });
  }

  it('404 with code null keeps code null', async () => {
    server.reply({ status: 404, body: { message: 'gone', code: null } });
    expect(await rejection(call())).to.be.instanceOf(NotFoundError).and.include({ code: null });
  });

  it('429 reads Retry-After as seconds or as an HTTP date; absent means undefined', async () => {
    server.reply({ status: 429, headers: { 'retry-after': '17' }, body: { message: 'slow down', code: 'RateLimitExceeded' } });
    expect(await rejection(call())).to.include({ retryAfterSeconds: 17 });
    // Dates far in the past and future: what the client reads does not depend on today's clock.
    server.reply({ status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, body: { message: 'm', code: null } });
    expect(await rejection(call())).to.include({ retryAfterSeconds: 0 });
    server.reply({ status: 429, headers: { 'retry-after': 'Fri, 01 Jan 2999 00:00:00 GMT' }, body: { message: 'm', code: null } });
    const { retryAfterSeconds } = (await rejection(call())) as RateLimitedError;
    expect(retryAfterSeconds).to.be.greaterThan(10 ** 9);
    server.reply({ status: 429, body: { message: 'm', code: null } });
    expect(await rejection(call())).to.include({ retryAfterSeconds: undefined });
  });

  it('an undocumented status is an UnexpectedResponseError, its text body kept', async () => {
    server.reply({ status: 502, raw: '<html>bad gateway</html>', headers: { 'content-type': 'text/html' } });
    const error = await rejection(call());
    expect(error).to.be.instanceOf(UnexpectedResponseError).and.include({ status: 502, code: null, body: '<html>bad gateway</html>' });
    expect(error.message).to.contain('502').and.contain('bad gateway');
  });

  it('a 200 without a JSON {data} body is an UnexpectedResponseError', async () => {
    server.reply({ status: 200, raw: 'OK' });
    expect(await rejection(call())).to.be.instanceOf(UnexpectedResponseError).and.include({ status: 200 });
    server.reply({ status: 200, body: { id: 'int-1' } });
    expect(await rejection(call())).to.be.instanceOf(UnexpectedResponseError);
  });

  it('no server at all is a StiggTransportError (not timed out)', async () => {
    const closed = await startFixtureServer();
    await closed.close();
    const error = await rejection(clientFor(closed.url).updateIntegration('a', 'b', { syncedEntityId: null }));
    expect(error).to.be.instanceOf(StiggTransportError).and.include({ timedOut: false });
    expect(error.message).to.contain('PATCH /api/v1/customers/a/integrations/b');
  });

  it('a server that never answers is a StiggTransportError after timeoutMs', async () => {
    server.reply({ hang: true });
    const error = await rejection(call(50));
    expect(error).to.be.instanceOf(StiggTransportError).and.include({ timedOut: true });
    expect(error.message).to.contain('50 ms');
  });
});
