import { expect } from 'chai';
import { atPointer, createAjv, loadContract, parseContract, toJsonSchema } from '../../src/contract/index.js';
import { dereference } from '../../src/contract/dereference.js';
import type { OasSchema } from '../../src/contract/types.js';
import { intentRewrite, lintContract } from '../../src/lint/lint.js';

const SYNC_DATA = '/components/schemas/CustomerIntegrationResponseDto/properties/data/properties/syncData';

describe('lint', () => {
  it('finds the documented defects of the shipped contract, each at its JSON pointer', async () => {
    const defects = lintContract(await loadContract());
    const found = defects.map((d) => `${d.rule} ${d.pointer}`);
    expect(found).to.include(`nullable-without-type ${SYNC_DATA}/nullable`);
    expect(found).to.include(`overlapping-one-of ${SYNC_DATA}/oneOf`);
    for (const dto of ['BadInput', 'Unauthenticated', 'Forbidden', 'NotFound', 'TooManyRequests']) {
      expect(found).to.include(`nullable-enum-without-null /components/schemas/${dto}ErrorResponseDto/properties/code/enum`);
    }
    expect(found).to.include('empty-path-parameter /paths/~1api~1v1~1customers~1{id}~1integrations~1{integrationId}/patch/parameters/1/schema');
    // The slug's minLength and pattern already exclude "", so it is not flagged.
    expect(found.filter((f) => f.includes('/parameters/0/'))).to.deep.equal([]);
  });

  it('proves every defect: the two readings disagree on its example, as the defect says', async () => {
    const contract = await loadContract();
    const defects = lintContract(contract);
    const { root } = dereference(contract.document);
    const ajv = createAjv();
    for (const defect of defects) {
      const schema = atPointer(root, defect.schemaPointer) as OasSchema;
      const strict = ajv.compile(toJsonSchema(schema));
      const intent = ajv.compile(toJsonSchema(schema, { rewrite: intentRewrite(defects) }));
      const wronglyRejected = defect.strictly === 'rejected';
      expect(strict(defect.example), `${defect.rule} strict`).to.equal(!wronglyRejected);
      expect(intent(defect.example), `${defect.rule} intent`).to.equal(wronglyRejected);
    }
  });

  it('reports an overlap only when a witness matches both branches', async () => {
    const doc = (branches: string): string => `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /x:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                oneOf: ${branches}`;
    const disjoint = await parseContract(doc('[{type: string}, {type: integer}]'));
    expect(lintContract(disjoint)).to.deep.equal([]);
    const closed = await parseContract(doc('[{type: object, required: [a], additionalProperties: false, properties: {a: {type: string}}}, {type: object, required: [b], properties: {b: {type: string}}}]'));
    expect(lintContract(closed)).to.deep.equal([]);
    const open = await parseContract(doc('[{type: object, required: [a], properties: {a: {type: string}}}, {type: object, required: [b], properties: {b: {type: string}}}]'));
    expect(lintContract(open).map((d) => [d.rule, d.example])).to.deep.equal([['overlapping-one-of', { a: 'x', b: 'x' }]]);
  });
});

describe('translation of OpenAPI 3.0 Schema Objects (strict reading)', () => {
  const translate = (schema: OasSchema): unknown => toJsonSchema(schema);
  it('nullable with type adds null to type; without type it does nothing', () => {
    expect(translate({ type: 'string', nullable: true, maxLength: 3 })).to.deep.equal({ type: ['string', 'null'], maxLength: 3 });
    expect(translate({ oneOf: [{ type: 'string' }], nullable: true })).to.deep.equal({ oneOf: [{ type: 'string' }] });
  });
  it('nullable does not extend an enum', () => {
    expect(translate({ type: 'string', enum: ['A'], nullable: true })).to.deep.equal({ type: ['string', 'null'], enum: ['A'] });
  });
  it('boolean exclusive bounds become numeric ones; OpenAPI-only keywords are dropped', () => {
    expect(translate({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, example: 1, 'x-foo': 1, discriminator: { propertyName: 't' } }))
      .to.deep.equal({ type: 'number', exclusiveMinimum: 0, maximum: 9 });
  });
  it('keeps additionalProperties as written and recurses into every subschema', () => {
    expect(translate({ type: 'object', additionalProperties: false, properties: { a: { type: 'array', items: { type: 'integer', nullable: true } } } }))
      .to.deep.equal({ type: 'object', additionalProperties: false, properties: { a: { type: 'array', items: { type: ['integer', 'null'] } } } });
  });
});
