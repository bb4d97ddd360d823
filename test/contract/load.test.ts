import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadContract, parseContract, selectOperation } from '../../src/contract/index.js';
import { ContractLoadError } from '../../src/errors.js';
import { bindOperation } from '../../src/validators/index.js';

const OTHER = new URL('../fixtures/contracts/other-operation.yaml', import.meta.url).pathname;

async function loadError(text: string): Promise<ContractLoadError> {
  try {
    await parseContract(text, 'doc.yaml');
  } catch (error) {
    expect(error).to.be.instanceOf(ContractLoadError);
    return error as ContractLoadError;
  }
  throw new Error('expected a ContractLoadError');
}

describe('contract loader', () => {
  it('exposes the shipped operation: method, path, parameters, body, responses, security', async () => {
    const contract = await loadContract();
    const op = selectOperation(contract);
    expect(contract.version).to.equal('7.64.2');
    expect(op.method).to.equal('PATCH');
    expect(op.pathTemplate).to.equal('/api/v1/customers/{id}/integrations/{integrationId}');
    expect(op.pathParams.map((p) => [p.name, p.required])).to.deep.equal([['id', true], ['integrationId', true]]);
    expect(op.headerParams.map((p) => [p.name, p.required])).to.deep.equal([['X-ACCOUNT-ID', false], ['X-ENVIRONMENT-ID', false]]);
    expect(op.requestBody?.contentType).to.equal('application/json');
    expect(op.requestBody?.pointer).to.equal('/components/schemas/UpdateCustomerIntegrationRequestDto');
    expect(op.responses.map((r) => [r.status, r.body?.contentType])).to.deep.equal([200, 400, 401, 403, 404, 429].map((s) => [s, 'application/json']));
    expect(op.security).to.deep.equal([{ schemeName: 'ApiKeyAuth', in: 'header', headerName: 'X-API-KEY' }]);
    expect([op.securityRequirements, op.securityPointer]).to.deep.equal([[[{ schemeName: 'ApiKeyAuth', type: 'apiKey', wire: 'header X-API-KEY' }]], '/security']);
    expect([op.queryParams, op.cookieParams, op.responses.flatMap((r) => r.headers), contract.unsupported]).to.deep.equal([[], [], [], []]);
  });

  it('works for another operation of the same shape (nothing about Stigg is hard-coded)', async () => {
    const contract = await loadContract(OTHER);
    expect(() => selectOperation(contract)).to.throw(ContractLoadError, /2 operations/);
    const op = selectOperation(contract, 'replaceWidget');
    expect(selectOperation(contract, 'PUT /v2/shops/{shop}/widgets/{widgetId}')).to.equal(op);
    expect(op.pathParams.map((p) => p.name)).to.deep.equal(['shop', 'widgetId']);
    expect(op.security[0]?.headerName).to.equal('X-TOKEN');
    expect(op.responses.map((r) => [r.status, r.body?.contentType])).to.deep.equal([[201, 'application/json'], [409, 'application/problem+json']]);

    const bound = bindOperation(contract, op);
    const headers = { 'x-token': 't', 'x-trace': '12345678', 'content-type': 'application/json' };
    expect(bound.validateRequest({ method: 'PUT', path: '/v2/shops/my-shop/widgets/w1', headers, body: { colour: 'red', weight: null } }).verdict).to.equal('valid');
    const bad = bound.validateRequest({ method: 'PUT', path: '/v2/shops/ab/widgets/w1', headers: { ...headers, 'x-trace': 'short' }, body: { colour: 'blue', weight: 0 } });
    expect(bad.matched && bad.intent.map((i) => `${i.part}${i.pointer} ${i.keyword}`)).to.have.members([
      'path/shop minLength', 'headers/x-trace minLength', 'body/colour enum', 'body/weight exclusiveMinimum',
    ]);
    // Its nullable enum without null is found by lint, like the Stigg one.
    expect(bound.defects.map((d) => [d.rule, d.pointer])).to.deep.include(['nullable-enum-without-null', '/paths/~1v2~1shops~1{shop}~1widgets~1{widgetId}/put/responses/409/content/application~1problem+json/schema/properties/reason/enum']);
    expect(bound.validateResponse({ status: 409, headers: { 'content-type': 'application/problem+json' }, body: { reason: null } }).verdict).to.equal('contract-defect');
  });

  it('refuses what is not a usable OpenAPI 3.0 document, saying why', async () => {
    expect((await loadError('openapi: [unclosed')).message).to.match(/not valid YAML/);
    expect((await loadError('swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}')).message).to.match(/is a Swagger 2\.0 document; the harness reads OpenAPI 3\.0\.x: convert it first/);
    expect((await loadError('openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}')).message).to.match(/OpenAPI 3\.0\.x/);
    expect((await loadError('openapi: 3.0.3\ninfo: {title: t}\npaths: {}')).message).to.match(/not a valid OpenAPI 3\.0 document/);
    expect((await loadError('- a list')).message).to.match(/object at the top level/);
    const dangling = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /x:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: "#/components/schemas/Nope"}';
    expect((await loadError(dangling)).message).to.match(/Nope/);
  });

  it('names the file it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-'));
    const file = join(dir, 'missing.yaml');
    try {
      await loadContract(file);
      expect.fail('expected a ContractLoadError');
    } catch (error) {
      expect(error).to.be.instanceOf(ContractLoadError);
      expect((error as Error).message).to.contain(file).and.to.contain('ENOENT');
    }
    writeFileSync(join(dir, 'empty.yaml'), '');
    const empty = await loadContract(join(dir, 'empty.yaml')).catch((error: unknown) => error);
    rmSync(dir, { recursive: true, force: true });
    expect(empty).to.be.instanceOf(ContractLoadError);
  });
});
