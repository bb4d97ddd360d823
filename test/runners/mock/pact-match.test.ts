import { expect } from 'chai';
import { httpOf, type PactHttp } from '../../../src/pact/check/pact-http.js';
import { rulesOf } from '../../../src/pact/check/rules.js';
import { requestMatches, type MockRequest } from '../../../src/runners/mock/index.js';

const TEMPLATE = '/api/v1/customers/{id}/integrations/{integrationId}';

/** A spec-3 interaction whose request has the given body, matching rules and headers. */
function interaction(body: unknown, rules: Record<string, unknown>, headers: Record<string, string> = { 'Content-Type': 'application/json' }): { http: PactHttp; rules: ReturnType<typeof rulesOf> } {
  const node = { description: 'x', request: { method: 'PATCH', path: '/api/v1/customers/acme%7Ceu@1.0/integrations/int-1', headers, body, matchingRules: rules }, response: { status: 200 } };
  const http = httpOf(node, '/interactions/0');
  if ('skip' in http) throw new Error(http.skip);
  return { http, rules: rulesOf(http.request.node, '/interactions/0/request') };
}

const request = (body: string, overrides: Partial<MockRequest> = {}): MockRequest => ({
  method: 'PATCH', path: '/api/v1/customers/acme%7Ceu%401.0/integrations/int-1', headers: { 'content-type': 'application/json; charset=utf-8' }, rawBody: body, ...overrides,
});

const matches = (pact: ReturnType<typeof interaction>, req: MockRequest): boolean => requestMatches(TEMPLATE, pact.http, pact.rules, req);

describe('runners/mock: matching a request to a pact interaction', () => {
  it('compares the body exactly without matchers (no extra keys), by type under a type matcher, by pattern under a regex', () => {
    const exact = interaction({ syncedEntityId: 'cus_1' }, {});
    expect(matches(exact, request('{"syncedEntityId":"cus_1"}'))).to.equal(true);
    expect(matches(exact, request('{"syncedEntityId":"cus_2"}'))).to.equal(false);
    expect(matches(exact, request('{"syncedEntityId":"cus_1","x":1}'))).to.equal(false);
    const byType = interaction({ syncedEntityId: 'cus_1' }, { body: { '$.syncedEntityId': { matchers: [{ match: 'type' }] } } });
    expect(matches(byType, request('{"syncedEntityId":"anything"}'))).to.equal(true);
    expect(matches(byType, request('{"syncedEntityId":null}'))).to.equal(false);
    expect(matches(byType, request('not json'))).to.equal(false);
    const byRegex = interaction({ syncedEntityId: 'cus_1' }, { body: { '$.syncedEntityId': { matchers: [{ match: 'regex', regex: '^cus_\\d+$' }] } } });
    expect(matches(byRegex, request('{"syncedEntityId":"cus_77"}'))).to.equal(true);
    expect(matches(byRegex, request('{"syncedEntityId":"acct_77"}'))).to.equal(false);
  });

  it('compares decoded path segments and the method, and needs every header the interaction lists', () => {
    const pact = interaction({ syncedEntityId: 'a' }, {}, { 'Content-Type': 'application/json', 'X-ACCOUNT-ID': 'acc-1' });
    const withAccount = { 'content-type': 'application/json', 'x-account-id': 'acc-1' };
    expect(matches(pact, request('{"syncedEntityId":"a"}', { headers: withAccount }))).to.equal(true);
    expect(matches(pact, request('{"syncedEntityId":"a"}'))).to.equal(false);
    expect(matches(pact, request('{"syncedEntityId":"a"}', { headers: withAccount, method: 'patch' }))).to.equal(true);
    expect(matches(pact, request('{"syncedEntityId":"a"}', { headers: withAccount, method: 'PUT' }))).to.equal(false);
    expect(matches(pact, request('{"syncedEntityId":"a"}', { headers: withAccount, path: '/api/v1/customers/acme/integrations/int-1' }))).to.equal(false);
  });
});
