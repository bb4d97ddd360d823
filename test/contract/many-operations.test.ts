/**
 * A document shaped like Stigg's whole published API (test/fixtures/contracts/many-operations.yaml): every operation
 * is modelled on its own, so query and cookie parameters, other methods and media types, and operations that cannot
 * be modelled at all cost no other operation; the shipped operation is picked by method and path.
 */
import { expect } from 'chai';
import { DEFAULT_CONTRACT_FILE, DEFAULT_OPERATION, assertDrivable, harnessLimits, loadContract, parseContractSync, selectOperation } from '../../src/contract/index.js';
import { readFileSync } from 'node:fs';
import { ContractLoadError } from '../../src/errors.js';
import { openContract, openContractSync } from '../../src/validators/index.js';

const MANY = new URL('../fixtures/contracts/many-operations.yaml', import.meta.url).pathname;
const LIST = 'CustomersController_list';

describe('contract loader: a document with many operations', () => {
  it('models every operation it can, of every method, with query, header and cookie parameters', async () => {
    const contract = await loadContract(MANY);
    expect(contract.operations.map((op) => `${op.method} ${op.pathTemplate}`)).to.have.members([
      'GET /api/v1/customers/{id}/integrations/{integrationId}', 'DELETE /api/v1/customers/{id}/integrations/{integrationId}',
      'PATCH /api/v1/customers/{id}/integrations/{integrationId}', 'GET /api/v1/customers', 'POST /api/v1/customers',
      'GET /api/v1/customers/{id}', 'PUT /api/v1/customers/{id}', 'HEAD /api/v1/health',
    ]);
    const list = selectOperation(contract, LIST);
    expect(list.queryParams.map((p) => [p.name, p.in, p.required, p.schema['maximum']])).to.deep.equal([['limit', 'query', false, 100], ['after', 'query', false, undefined]]);
    expect(list.headerParams.map((p) => p.name)).to.deep.equal(['X-ENVIRONMENT-ID']);
    const get = selectOperation(contract, 'CustomersController_get');
    expect(get.cookieParams.map((p) => p.name)).to.deep.equal(['session']);
    expect(get.pathParams.map((p) => [p.name, p.pointer]), 'a path item\'s parameters are shared').to.deep.equal([['id', '/paths/~1api~1v1~1customers~1{id}/parameters/0/schema']]);
    expect(selectOperation(contract, 'CustomersController_mergeMetadata').requestBody?.contentType).to.equal('application/merge-patch+json');
    const head = selectOperation(contract, 'HEAD /api/v1/health');
    expect([head.securityRequirements, head.security, head.responses.map((r) => r.body)]).to.deep.equal([[], [], [undefined]]);
  });

  it('lists what it cannot model with the reason, and refuses to select it, saying why', async () => {
    const contract = await loadContract(MANY);
    expect(contract.unsupported.map((op) => [op.operationId, op.reason])).to.deep.equal([
      ['ImportController_upload', 'the request body (/paths/~1api~1v1~1import/post/requestBody) is multipart/form-data only (the harness speaks JSON)'],
      ['UsageController_export', 'response 200 (/paths/~1api~1v1~1usage~1export/get/responses/200) is text/csv only (the harness speaks JSON)'],
      ['EntitlementsController_search', 'recursive $ref is not supported: #/components/schemas/Filter at /components/schemas/Filter/properties/and/items'],
    ]);
    expect(() => selectOperation(contract, 'POST /api/v1/import')).to.throw(ContractLoadError, /POST \/api\/v1\/import \(ImportController_upload\) in .* cannot be modelled: the request body .* multipart\/form-data only/);
    expect(() => selectOperation(contract, 'nope')).to.throw(ContractLoadError, /no operation nope in .*; it has 11 operations: GET \/api\/v1\/customers\/\{id\}\/integrations/);
  });

  it('picks the shipped operation by method and path when none is named; by operationId or METHOD /path otherwise', async () => {
    const contract = await loadContract(MANY);
    const picked = selectOperation(contract);
    expect(`${picked.method} ${picked.pathTemplate}`).to.equal(DEFAULT_OPERATION);
    expect(selectOperation(contract, 'CustomerIntegrationsController_updateIntegration')).to.equal(picked);
    expect(selectOperation(contract, ' patch  /api/v1/customers/{id}/integrations/{integrationId} '), 'the method in any case').to.equal(picked);
    expect(picked.responses.map((r) => r.status)).to.deep.equal([200, 400, 401, 403, 404, 429]);
  });

  it('says what the harness cannot drive yet: query and cookie parameters', async () => {
    const contract = await loadContract(MANY);
    expect(harnessLimits(selectOperation(contract, LIST))).to.deep.equal(['the harness does not send or check query parameters (limit, after) yet']);
    expect(harnessLimits(selectOperation(contract))).to.deep.equal([]);
    expect(() => assertDrivable(contract, selectOperation(contract, 'CustomersController_get'))).to.throw(ContractLoadError, /cannot be tested: the harness does not send or check cookie parameters \(session\) yet/);
    const refused = await openContract(MANY, LIST).catch((error: unknown) => error);
    expect(refused).to.be.instanceOf(ContractLoadError);
    expect((await openContract(MANY)).operation.operationId).to.equal('CustomerIntegrationsController_updateIntegration');
    expect((await openContract(MANY, 'POST /api/v1/customers')).operation.requestBody?.pointer).to.equal('/components/schemas/Customer');
  });

  it('reads the same synchronously (without the OpenAPI schema check), for the chai assertion', async () => {
    const text = readFileSync(MANY, 'utf8');
    const sync = parseContractSync(text, MANY);
    const loaded = await loadContract(MANY);
    expect(sync.operations.map((op) => op.pointer)).to.deep.equal(loaded.operations.map((op) => op.pointer));
    expect(sync.unsupported).to.deep.equal(loaded.unsupported);
    expect(openContractSync(MANY).operation.pointer).to.equal((await openContract(MANY)).operation.pointer);
    expect(openContractSync()).to.equal(openContractSync(DEFAULT_CONTRACT_FILE));
    expect(() => parseContractSync('openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}', 'x.yaml')).to.throw(ContractLoadError, /OpenAPI 3\.0\.x/);
  });
});
