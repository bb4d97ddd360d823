import { expect } from 'chai';
import { openContract } from '../../src/validators/index.js';
import { OPERATION } from '../../src/client/index.js';
import { retryAfterSeconds } from '../../src/http/retry-after.js';

describe('client: OPERATION', () => {
  it('names the method, path template and headers the contract documents', async () => {
    const { operation } = await openContract();
    expect(OPERATION.method).to.equal(operation.method);
    expect(OPERATION.pathTemplate).to.equal(operation.pathTemplate);
    expect(operation.security.map((scheme) => scheme.headerName)).to.deep.equal([OPERATION.apiKeyHeader]);
    expect(operation.headerParams.map((param) => param.name)).to.have.members([OPERATION.accountHeader, OPERATION.environmentHeader]);
  });
});

describe('client: retryAfterSeconds', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads delay-seconds and HTTP dates, and ignores what it cannot read', () => {
    expect(retryAfterSeconds('120', now)).to.equal(120);
    expect(retryAfterSeconds(['5', '9'], now)).to.equal(5);
    expect(retryAfterSeconds('Wed, 01 Jan 2025 00:00:30 GMT', now)).to.equal(30);
    expect(retryAfterSeconds('Tue, 31 Dec 2024 23:00:00 GMT', now)).to.equal(0);
    expect(retryAfterSeconds('-3', now)).to.equal(undefined);
    expect(retryAfterSeconds('soon', now)).to.equal(undefined);
    expect(retryAfterSeconds(undefined, now)).to.equal(undefined);
  });
});
