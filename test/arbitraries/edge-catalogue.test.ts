import { expect } from 'chai';
import { edgeBodies, edgeFixtureIds, edgeHeaders, edgeInvalidPathValues, edgeKinds, edgePathValues, fillKey, KEY_EXPRESSION, NEAR_MISS_KEYS } from '../../src/arbitraries/index.js';
import { naughtyStrings, naughtyStringsOf, representativeNaughtyStrings } from '../../src/arbitraries/_internals/edges/corpus.js';
import { CODE_UNIT_UNITS, GRAPHEME_UNITS, ofLength } from '../../src/arbitraries/_internals/edges/lengths.js';
import { neighboursOf } from '../../src/arbitraries/_internals/edges/neighbours.js';
import { runtimeNames } from '../../src/arbitraries/_internals/edges/runtime-names.js';
import { lengthEdges, textEdges } from '../../src/arbitraries/_internals/edges/string-values.js';
import { CHECK_IDS } from '../../src/checks/index.js';
import { openContract, type OperationContract } from '../../src/validators/index.js';

const codePoints = (text: string): number => [...text].length;
const graphemes = (text: string): number => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length;

describe('edge catalogue: kinds of edges by the layer of a stack that mishandles them', () => {
  let c: OperationContract;
  before(async () => {
    c = await openContract();
  });

  it('names checks that exist, and every kind but the state teardown comes from the shipped contract\'s edges', () => {
    const kinds = edgeKinds();
    expect(new Set(kinds.map((kind) => kind.id)).size).to.equal(kinds.length);
    for (const kind of kinds) for (const oracle of kind.oracles) expect(CHECK_IDS, `${kind.id} → ${oracle}`).to.include(oracle);
    const produced = new Set([
      ...edgeBodies(c).map((edge) => edge.kind), ...edgeHeaders(c).map((edge) => edge.kind), ...edgeFixtureIds(c).map((fixture) => fixture.kind),
      ...['id', 'integrationId'].flatMap((name) => [...edgePathValues(c, name), ...edgeInvalidPathValues(c, name)].map((edge) => edge.kind)),
    ]);
    expect([...produced].filter((id) => !kinds.some((kind) => kind.id === id)), 'kinds outside the catalogue').to.deep.equal([]);
    expect(kinds.map((kind) => kind.id).filter((id) => !produced.has(id))).to.deep.equal(['state/teardown']);
  });

  describe('the naughty-string list', () => {
    it('is read with its sections, each string once, none a lone surrogate', () => {
      const all = naughtyStrings();
      expect(all.length).to.be.above(400);
      expect(new Set(all.map((entry) => entry.text)).size).to.equal(all.length);
      expect(naughtyStringsOf('Numeric Strings').map((entry) => entry.text)).to.include.members(['0', '1E2', '0xffffffff', '01000', '123456789012345678901234567890123456789']);
      expect(naughtyStringsOf('Reserved Strings').map((entry) => entry.text)).to.include.members(['undefined', 'null', 'None', 'true']);
      expect(all.filter((entry) => entry.section === 'unsectioned').length).to.be.below(3);
      expect(all.some((entry) => /[\ud800-\udbff](?![\udc00-\udfff])/.test(entry.text))).to.equal(false);
    });

    it('keeps every numeric and reserved string in its representative subset, and one per character signature elsewhere', () => {
      const subset = representativeNaughtyStrings();
      expect(subset.length).to.be.within(150, naughtyStrings().length - 100);
      for (const section of ['Numeric Strings', 'Reserved Strings']) expect(subset.filter((entry) => entry.section === section)).to.deep.equal(naughtyStringsOf(section));
      const scripts = subset.filter((entry) => entry.section === 'Script Injection').map((entry) => entry.text);
      expect(scripts.length).to.be.within(10, naughtyStringsOf('Script Injection').length - 50);
    });
  });

  it('runtime names come from the runtime itself, plus the list\'s reserved words', () => {
    expect(runtimeNames()).to.include.members(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'call', 'undefined', 'null', 'None']);
    expect(runtimeNames()).to.deep.equal(runtimeNames());
    for (const name of Object.getOwnPropertyNames(Object.prototype)) expect(runtimeNames()).to.include(name);
  });

  describe('lengths under every counting rule', () => {
    it('are exact in code points at the maximum and one past, in every unit', () => {
      for (const unit of [...CODE_UNIT_UNITS, ...GRAPHEME_UNITS]) for (const length of [255, 256]) expect(codePoints(ofLength(unit, length)), `${unit.name} ${length}`).to.equal(length);
    });

    it('one past the maximum in grapheme-forming units is within the limit for a grapheme counter (so it catches one)', () => {
      for (const unit of GRAPHEME_UNITS) expect(graphemes(ofLength(unit, 256)), unit.name).to.be.at.most(255);
    });

    it('the maximum in wider characters is over the limit in bytes and UTF-16 units (so it catches those counters)', () => {
      const at = (name: string): string => ofLength(CODE_UNIT_UNITS.find((unit) => unit.name === name) ?? { name, text: 'e' }, 255);
      expect(Buffer.byteLength(at('2-byte'))).to.be.above(255);
      expect(at('4-byte').length).to.be.above(255);
    });

    it('are kept only when the schema says so: the maximum accepted, one past refused', () => {
      const edges = lengthEdges({ type: 'string', maxLength: 10 });
      expect(edges.filter((edge) => edge.breaks === undefined).every((edge) => codePoints(edge.value) === 10)).to.equal(true);
      expect(edges.filter((edge) => edge.breaks === 'maxLength').every((edge) => codePoints(edge.value) === 11)).to.equal(true);
      expect(edges.map((edge) => edge.name)).to.include.members(['maxLength:zwj-sequence', 'maxLength+1:regional-indicators', 'maxLength:4-byte', 'maxLength+1:1-byte']);
      expect(lengthEdges({ type: 'string' })).to.deep.equal([]);
    });

    it('free-text values are only for free text, and all of them fit the schema', () => {
      expect(textEdges({ type: 'string', pattern: '^[a-z]+$' })).to.deep.equal([]);
      const texts = textEdges({ type: 'string', maxLength: 20 });
      expect(texts.every((edge) => codePoints(edge.value) <= 20)).to.equal(true);
      expect(texts.map((edge) => edge.kind)).to.include.members(['coercion/numeric-strings', 'serializer/corpus-values', 'serializer/escaped-text']);
    });
  });

  it('neighbours of an id are what non-exact lookups confuse with it, never the id, never one taken', () => {
    const names = (id: string, taken: string[] = []): Record<string, string> => Object.fromEntries(neighboursOf(id, () => true, new Set(taken)).map((n) => [n.name, n.value]));
    expect(names('aBc9')).to.include({ 'upper-case': 'ABC9', 'lower-case': 'abc9', 'swapped-case': 'AbC9', 'like-underscore': 'a_c9', 'like-percent': 'aBc%', 'glob-star': 'aBc*', prefix: 'aBc', extension: 'aBc99', 'trailing-space': 'aBc9 ', 'trailing-dot': 'aBc9.' });
    expect(names('aBc9', ['ABC9'])).not.to.have.property('upper-case');
    expect(names('Caf\u00e9')).to.include({ nfd: 'Cafe\u0301' });
    expect(neighboursOf('aBc9', (value) => /^[a-zA-Z0-9]+$/.test(value)).map((n) => n.value)).to.deep.equal(['ABC9', 'abc9', 'AbC9', 'aBc', 'aBc99']);
  });

  describe('store fixtures', () => {
    it('make every absent one absent before anything of its customer exists, and never absent what exists', () => {
      const fixtures = edgeFixtureIds(c);
      const existingCustomers = new Set(fixtures.filter((f) => f.presence === 'existing').map((f) => f.customerId));
      const existingPairs = new Set(fixtures.filter((f) => f.presence === 'existing').map((f) => `${f.customerId}\u0000${f.integrationId}`));
      for (const [index, fixture] of fixtures.entries()) {
        if (fixture.presence === 'existing') continue;
        expect(fixtures.slice(0, index).some((f) => f.presence === 'existing' && f.customerId === fixture.customerId), fixture.edgeClass).to.equal(false);
        if (fixture.presence === 'no-customer') expect(existingCustomers.has(fixture.customerId), fixture.edgeClass).to.equal(false);
        else expect(existingPairs.has(`${fixture.customerId}\u0000${fixture.integrationId}`), fixture.edgeClass).to.equal(false);
      }
    });

    it('send a state for the first absent integration of each customer (the rest follow from it), and for every absent customer', () => {
      const seen = new Set<string>();
      for (const fixture of edgeFixtureIds(c).filter((f) => f.presence !== 'existing')) {
        const first = fixture.presence === 'no-customer' || !seen.has(fixture.customerId);
        seen.add(fixture.customerId);
        expect(fixture.setUp, fixture.edgeClass).to.equal(first);
      }
    });

    it('set up twins side by side, runtime names and number-looking ids both existing and absent, records of telling values', () => {
      const fixtures = edgeFixtureIds(c);
      const twins = fixtures.filter((f) => f.group === 'twins').map((f) => f.customerId);
      expect(twins).to.deep.equal(['aBc9', 'ABC9', 'aBc9.', 'a_c9']);
      const named = (kind: string, presence: string): string[] => fixtures.filter((f) => f.kind === kind && f.presence === presence).map((f) => (presence === 'no-customer' ? f.customerId : f.integrationId));
      expect(named('store/runtime-names', 'existing')).to.include.members(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']);
      expect(named('store/runtime-names', 'no-integration')).to.include.members(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']);
      expect(named('store/runtime-names', 'no-customer').length).to.be.above(3);
      expect(named('coercion/numeric-ids', 'existing')).to.include.members(['01000', '1E2', '0x0', '123456789012345678901234567890123456789']);
      expect(named('coercion/numeric-ids', 'no-integration')).to.include.members(['1000', '100']);
      expect(fixtures.filter((f) => f.record !== undefined).map((f) => f.record)).to.deep.equal(['coercion', 'serializer']);
    });
  });

  describe('near-miss keys', () => {
    const key = 'Sk_live-AbC123xyz';
    it('are each a wrong key made from the real one, the key itself never written', () => {
      const filled = NEAR_MISS_KEYS.map(({ name, expression }) => [name, fillKey(expression, key)] as const);
      expect(Object.fromEntries(filled)).to.deep.equal({
        'upper-case': 'SK_LIVE-ABC123XYZ', 'lower-case': 'sk_live-abc123xyz', 'nbsp-before': `\u00a0${key}`, 'nbsp-after': `${key}\u00a0`,
        prefix: 'Sk_live-AbC123xy', suffix: 'k_live-AbC123xyz', 'last-changed': 'Sk_live-AbC123xy~', 'plus-one': `${key}0`, twice: `${key},${key}`,
      });
      for (const { expression } of NEAR_MISS_KEYS) expect(expression).not.to.include(key);
    });

    it('are written as expressions the reproducer finds (and nothing else is taken for one)', () => {
      for (const { expression } of NEAR_MISS_KEYS) expect(expression.match(KEY_EXPRESSION)?.length, expression).to.be.at.least(1);
      expect('$STIGG_API_KEYS is not it: ${STIGG_API_KEY:0:3}'.replace(KEY_EXPRESSION, 'K')).to.equal('KS is not it: ${STIGG_API_KEY:0:3}');
    });
  });
});
