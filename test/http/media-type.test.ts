import { expect } from 'chai';
import fc from 'fast-check';
import { isJsonMediaType, mediaEssence, parseMediaType } from '../../src/http/media-type.js';
import { httpOf } from '../../src/pact/check/pact-http.js';
import { contentTypeHeader } from '../../src/runners/mock/http-io.js';
import { withParsedBodies } from '../../src/runners/verify/parse-bodies.js';
import { exchange } from '../checks/fixtures.js';

/** Content-Types and whether each names one JSON text (RFC 8259 §11, RFC 6839 §3.1; RFC 7464's json-seq is not one). */
const JSON_OR_NOT: readonly [string, boolean][] = [
  ['application/json', true],
  ['APPLICATION/JSON', true],
  ['Application/Json; charset=utf-8', true],
  ['application/json;charset=UTF-8', true],
  [' application/json ', true],
  ['application/json; charset="utf-8"', true],
  ['application/json; profile="a;b"; charset=utf-8', true],
  ['application/problem+json', true],
  ['application/merge-patch+json', true],
  ['application/vnd.api+json', true],
  ['application/hal+json;charset=utf-8', true],
  ['application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"', true],
  ['model/gltf+json', true],
  ['application/vnd.a+b+json', true],
  ['application/json-seq', false],
  ['application/geo+json-seq', false],
  ['application/json-patch+json', true],
  ['application/jsonl', false],
  ['application/x-ndjson', false],
  ['application/json5', false],
  ['application/jsonx', false],
  ['application/json+xml', false],
  ['application/+json', false],
  ['application/xml', false],
  ['text/json', false],
  ['text/plain', false],
  ['text/plain; charset=application/json', false],
  ['application/octet-stream', false],
  ['application/json garbage', false],
  ['application/json; charset', false],
  ['application / json', false],
  ['application/', false],
  ['/json', false],
  ['json', false],
  ['', false],
  ['*/*', false],
  ['application/*', false],
];

describe('http: media types', () => {
  for (const [value, json] of JSON_OR_NOT) {
    it(`${JSON.stringify(value)} ${json ? 'is' : 'is not'} JSON`, () => expect(isJsonMediaType(value)).to.equal(json));
  }

  it('parses type, subtype, suffix and parameters (names folded, quoted values unquoted, the first of a repeated name kept)', () => {
    const media = parseMediaType('Application/Problem+JSON; Charset="utf-8"; profile="a;b\\"c"; charset=latin1');
    expect(media && { ...media, parameters: [...media.parameters] }).to.deep.equal({
      type: 'application', subtype: 'problem+json', essence: 'application/problem+json', suffix: 'json',
      parameters: [['charset', 'utf-8'], ['profile', 'a;b"c']],
    });
    expect(parseMediaType('application/json')?.suffix).to.equal(undefined);
    expect(parseMediaType('application/json;')?.essence).to.equal('application/json');
    expect(parseMediaType('application/json; =x')).to.equal(undefined);
  });

  it('neither letter case nor parameters nor surrounding space change whether a type is JSON', () => {
    const token = fc.stringMatching(/^[a-z0-9][a-z0-9.+-]{0,12}$/);
    const parameter = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.stringMatching(/^[a-z0-9-]{1,8}$/)).map(([name, value]) => `; ${name}=${value}`);
    const media = fc.tuple(fc.constantFrom('application', 'text', 'model', 'image'), fc.oneof(token, token.map((t) => `${t}+json`), fc.constant('json'), fc.constant('json-seq')));
    fc.assert(fc.property(media, fc.array(parameter, { maxLength: 3 }), fc.boolean(), ([type, subtype], parameters, upper) => {
      const plain = `${type}/${subtype}`;
      const dressed = ` ${upper ? plain.toUpperCase() : plain}${parameters.join('')} `;
      expect(isJsonMediaType(dressed), dressed).to.equal(isJsonMediaType(plain));
      expect(isJsonMediaType(plain), plain).to.equal(plain === 'application/json' || (/.\+json$/.test(subtype)));
      expect(mediaEssence(dressed)).to.equal(plain);
    }), { seed: 26, numRuns: 500 });
  });

  it('every reader of a body agrees: json-seq is text, a +json type is JSON (pact bodies, mock replies, verify\'s parsed bodies)', () => {
    const pactBody = (contentType: string): unknown => {
      const http = httpOf({ request: { method: 'PATCH', path: '/x' }, response: { status: 200, headers: { 'Content-Type': contentType }, body: '{"a":1}' } }, '/interactions/0');
      if ('skip' in http) throw new Error(http.skip);
      return http.response.body;
    };
    const parsed = (contentType: string): unknown => {
      const response = withParsedBodies(exchange({ status: 200, headers: { 'content-type': contentType }, rawBody: '{"a":1}', elapsedMs: 1 })).response;
      return 'body' in response ? response.body : undefined;
    };
    for (const [value, json] of JSON_OR_NOT.filter(([v]) => v.trim() !== '')) {
      expect(pactBody(value), value).to.deep.equal(json ? { body: '{"a":1}' } : { rawBody: '{"a":1}' });
      expect(parsed(value), value).to.deep.equal(json ? { a: 1 } : undefined);
      expect(contentTypeHeader(value) !== value, value).to.equal(json && !/charset/i.test(value));
    }
  });
});
