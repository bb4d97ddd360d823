import { expect } from 'chai';
import { buildRequest, edgeBase, edgeBodies, edgeFixtureIds, edgeHeaders, edgePathValues, type RequestCase } from '../../src/arbitraries/index.js';
import { openContract, type OperationContract } from '../../src/validators/index.js';
import { assertCase, inPath } from './assertions.js';

const codePoints = (text: string): number => [...text].length;
const GEN_DELIMS = [':', '/', '?', '#', '[', ']', '@'];
const SUB_DELIMS = ['!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '='];
const DECODER = ['+', '%41', '%', '%25', '%2F', '/', ';', '.', '..', '?', '#', 'space'];
const NON_ASCII = ['U+00E9', 'U+4E2D', 'U+1F600'];
const POSITIONS = ['edges', 'alone'];

/** The request for these path parameters with the fixed valid base, in one encoding. */
function requestFor(c: OperationContract, params: Record<string, string>, encoding: RequestCase['encoding']): RequestCase {
  const base = edgeBase(c);
  return buildRequest(c, { params, encoding, headers: base.headers, body: base.body });
}

describe('edges: deterministic edge values from the contract', () => {
  let c: OperationContract;
  before(async () => {
    c = await openContract();
  });

  describe('path parameter values', () => {
    it('are the same list on every call and for a freshly opened contract', async () => {
      const again = await openContract();
      for (const name of ['id', 'integrationId']) {
        expect(edgePathValues(c, name)).to.deep.equal(edgePathValues(c, name));
        expect(edgePathValues(again, name)).to.deep.equal(edgePathValues(c, name));
      }
    });

    it('all validate on the intent reading once sent as a request, in both encodings', () => {
      for (const name of ['id', 'integrationId']) {
        const values = edgePathValues(c, name);
        expect(values.length).to.be.greaterThan(20);
        for (const { value } of values) {
          assertCase(c, inPath(c, name)(value));
          for (const encoding of ['pchar', 'unreserved'] as const) assertCase(c, requestFor(c, { id: 'a', integrationId: 'a', [name]: value }, encoding));
        }
      }
    });

    it('decode from the sent path segment back to the value, in both encodings', () => {
      for (const name of ['id', 'integrationId']) {
        for (const { value, edgeClass } of edgePathValues(c, name)) {
          for (const encoding of ['pchar', 'unreserved'] as const) {
            const request = requestFor(c, { id: 'a', integrationId: 'a', [name]: value }, encoding);
            const result = c.validateRequest({ method: request.method, path: request.path, headers: {} });
            expect(result.matched && result.params[name], `${edgeClass} (${encoding}): ${request.path}`).to.equal(value);
          }
        }
      }
    });

    it('integrationId (no pattern): every decoder character, gen-delim, sub-delim, non-ASCII and astral at the start, middle and end of one value, and alone', () => {
      const edges = edgePathValues(c, 'integrationId');
      const classes = new Set(edges.map((edge) => edge.edgeClass));
      for (const token of [...DECODER, ...GEN_DELIMS, ...SUB_DELIMS, ...NON_ASCII]) {
        for (const position of POSITIONS) expect(classes, `${token}#${position}`).to.include(`path/integrationId:char:${token}#${position}`);
      }
      const spread = edges.find((edge) => edge.edgeClass === 'path/integrationId:char:space#edges')?.value;
      expect(spread).to.equal(' a a ');
    });

    it('integrationId: the literal texts are in the decoded value (a `%41`, a bare `%`, an encoded slash)', () => {
      const valueOf = (edgeClass: string): string | undefined => edgePathValues(c, 'integrationId').find((edge) => edge.edgeClass === edgeClass)?.value;
      expect(valueOf('path/integrationId:char:%41#edges')).to.equal('%41a%41a%41');
      expect(valueOf('path/integrationId:char:%#alone')).to.equal('%');
      expect(valueOf('path/integrationId:char:%2F#edges')).to.equal('%2Fa%2Fa%2F');
      expect(valueOf('path/integrationId:char:..#alone')).to.equal('..');
      expect(requestFor(c, { id: 'a', integrationId: '%41' }, 'pchar').path).to.match(/\/integrations\/%2541$/);
    });

    it('lengths are exactly at the boundaries, in code points, for characters of 1 to 4 UTF-8 bytes', () => {
      const edges = edgePathValues(c, 'integrationId');
      for (const [bytes, name] of [[1, '1-byte'], [2, '2-byte'], [3, '3-byte'], [4, '4-byte']] as const) {
        const min = edges.find((edge) => edge.edgeClass === `path/integrationId:minLength:${name}`)?.value ?? '';
        const max = edges.find((edge) => edge.edgeClass === `path/integrationId:maxLength:${name}`)?.value ?? '';
        expect([codePoints(min), Buffer.byteLength(min)]).to.deep.equal([1, bytes]);
        expect([codePoints(max), Buffer.byteLength(max)]).to.deep.equal([255, 255 * bytes]);
      }
      const every = edges.find((edge) => edge.edgeClass === 'path/integrationId:maxLength:every-char')?.value ?? '';
      expect(codePoints(every)).to.equal(255);
    });

    it('id (slug pattern): each listed character in each legal position, letters and digits alone, nothing the pattern forbids', () => {
      const edges = edgePathValues(c, 'id');
      const classes = new Set(edges.map((edge) => edge.edgeClass));
      for (const char of ['_', '|', '.', '@', '-']) {
        // Not first (the pattern wants a letter or digit there): in the middle and at the end.
        expect(edges.find((edge) => edge.edgeClass === `path/id:char:${char}#edges`)?.value).to.equal(`a${char}a${char}`);
        expect(classes).not.to.include(`path/id:char:${char}#alone`);
      }
      for (const char of ['a', 'z', 'A', 'Z', '0', '9']) for (const position of POSITIONS) expect(classes).to.include(`path/id:char:${char}#${position}`);
      for (const forbidden of ['+', '%', '/', 'space', 'U+00E9', 'U+1F600']) expect([...classes].filter((k) => k.startsWith(`path/id:char:${forbidden}#`))).to.deep.equal([]);
      expect(classes).not.to.include('path/id:maxLength:2-byte');
      expect(codePoints(edges.find((edge) => edge.edgeClass === 'path/id:maxLength:1-byte')?.value ?? '')).to.equal(255);
      const every = edges.find((edge) => edge.edgeClass === 'path/id:maxLength:every-char')?.value ?? '';
      for (const char of 'abcxyzABCXYZ0123456789_|.@-') expect(every).to.include(char);
      expect(codePoints(every)).to.equal(255);
    });
  });

  describe('fixture ids', () => {
    it('hold every valid path edge value as existing data, each once, the same on every call, each a valid request', () => {
      const fixtures = edgeFixtureIds(c);
      expect(fixtures).to.deep.equal(edgeFixtureIds(c));
      const pairs = fixtures.map((f) => JSON.stringify([f.customerId, f.integrationId]));
      expect(new Set(pairs).size).to.equal(pairs.length);
      for (const f of fixtures) assertCase(c, requestFor(c, { id: f.customerId, integrationId: f.integrationId }, 'pchar'));
      for (const [name, key] of [['id', 'customerId'], ['integrationId', 'integrationId']] as const) {
        const held = new Set(fixtures.map((f) => f[key]));
        for (const edge of edgePathValues(c, name)) expect(held.has(edge.value), `${edge.edgeClass} is in no fixture`).to.equal(true);
      }
    });

    it('give each customer one existing integration (the anchor integration, or a value of its own), labelled with every class of their value', () => {
      const fixtures = edgeFixtureIds(c);
      const existing = fixtures.filter((f) => f.presence === 'existing');
      const [anchor] = existing;
      expect(new Set(existing.map((f) => f.customerId)).size, 'one existing fixture per customer').to.equal(existing.length);
      expect(existing.filter((f) => f.integrationId !== anchor?.integrationId).every((f) => /^a\d+$/.test(f.customerId))).to.equal(true);
      const classes = fixtures.flatMap((f) => f.edgeClass.split(' = '));
      for (const name of ['id', 'integrationId']) for (const edge of edgePathValues(c, name)) expect(classes).to.include(edge.edgeClass);
    });
  });

  describe('bodies and headers', () => {
    it('are judged by the intent validator exactly as labelled, after serialisation', () => {
      const base = edgeBase(c);
      const params = { id: 'a', integrationId: 'a' };
      for (const edge of edgeBodies(c)) assertCase(c, buildRequest(c, { params, headers: base.headers, body: edge.body, expect: edge.expect }));
      for (const edge of edgeHeaders(c)) assertCase(c, buildRequest(c, { params, headers: edge.headers, body: base.body, expect: edge.expect }));
    });

    it('cover every field boundary and every JSON type in place of the body and of the field', () => {
      const classes = new Set(edgeBodies(c).map((edge) => edge.edgeClass));
      const expected = ['null', 'empty', 'maxLength:1-byte', 'maxLength:2-byte', 'maxLength:3-byte', 'maxLength:4-byte', 'maxLength+1:1-byte', 'maxLength+1:combining', 'required']
        .map((name) => `body/syncedEntityId:${name}`);
      for (const type of ['integer', 'number', 'boolean', 'array', 'array-of-valid', 'object']) expected.push(`body/syncedEntityId:type:${type}`);
      for (const type of ['null', 'integer', 'number', 'string', 'boolean', 'array', 'array-of-valid']) expected.push(`body:type:${type}`);
      expected.push('body:largest:4-byte', 'body:largest:escaped', 'body/*:additionalProperties');
      for (const name of expected) expect(classes, name).to.include(name);
      const tooLong = edgeBodies(c).find((edge) => edge.edgeClass === 'body/syncedEntityId:maxLength+1:1-byte');
      expect(tooLong?.expect).to.deep.equal({ intent: 'invalid', breaks: { part: 'body', pointer: '/syncedEntityId', keyword: 'maxLength' } });
      const astral = edgeBodies(c).find((edge) => edge.edgeClass === 'body/syncedEntityId:maxLength:4-byte');
      const value = astral?.body.kind === 'json' ? (astral.body.value as { syncedEntityId: string }).syncedEntityId : '';
      expect([codePoints(value), value.length]).to.deep.equal([255, 510]);
      const arrayOfValid = edgeBodies(c).find((edge) => edge.edgeClass === 'body:type:array-of-valid');
      expect(arrayOfValid?.body).to.deep.equal({ kind: 'json', value: [{ syncedEntityId: 'eeee' }] });
    });

    it('send the key under several spellings of its name, and each optional header absent, empty and garbage', () => {
      const edges = edgeHeaders(c);
      const spelled = edges.filter((edge) => edge.edgeClass.startsWith('headers/x-api-key:name:'));
      expect(spelled.map((edge) => edge.keyHeader ?? 'X-API-KEY')).to.deep.equal(['x-api-key', 'X-Api-Key', 'X-API-KEY']);
      expect(spelled.every((edge) => edge.expect.intent === 'valid' && edge.headers.key === 'valid')).to.equal(true);
      const classes = edges.map((edge) => edge.edgeClass);
      expect(classes).to.include.members(['headers/x-api-key:missing', 'headers/x-api-key:wrong', 'headers/x-api-key:empty']);
      for (const header of ['x-account-id', 'x-environment-id']) for (const variant of ['absent', 'empty', 'garbage']) expect(classes).to.include(`headers/${header}:${variant}`);
      const empty = edges.find((edge) => edge.edgeClass === 'headers/x-account-id:empty');
      expect(empty?.headers.headers).to.include({ 'X-ACCOUNT-ID': '' });
    });
  });
});
