import { expect } from 'chai';
import fc from 'fast-check';
import { basicAuthSecrets, REDACTED, redact, redactDeep, scrubber, secretForms } from '../src/secrets.js';

/** How servers and encoders in the wild spell a secret they echo back. */
function echoes(secret: string): string[] {
  const json = JSON.stringify(secret);
  const ascii = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [
    secret,
    json,
    ascii,
    ascii.toUpperCase().replace(/\\U/g, '\\u') === ascii ? ascii : json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`),
    json.replace(/\//g, '\\/'),
    JSON.stringify(json),
    JSON.stringify({ nested: json }),
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    new URLSearchParams({ q: secret }).toString(),
    secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'),
  ];
}

describe('secrets: the one scrubber', () => {
  it('removes every spelling of any secret from any surrounding text (property, fixed seed)', () => {
    const secret = fc.string({ unit: 'grapheme', minLength: 4, maxLength: 24 }).filter((s) => s.trim().length >= 4);
    fc.assert(fc.property(secret, fc.string(), fc.string(), (key, before, after) => {
      for (const echo of echoes(key)) {
        const out = redact(`${before}${echo}${after}`, [key]);
        expect(out, JSON.stringify(echo)).to.contain(REDACTED);
        expect(out.includes(echo), JSON.stringify({ key, echo, out })).to.equal(false);
      }
    }), { seed: 1407, numRuns: 300 });
  });

  it('removes the base64 of user:password in every base64 flavour, and the password', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ minLength: 4, maxLength: 24 }), (user, password) => {
      const header = Buffer.from(`${user}:${password}`).toString('base64');
      const forms = [`Basic ${header}`, `Basic ${header.replace(/=+$/, '')}`, Buffer.from(`${user}:${password}`).toString('base64url'), JSON.stringify(`Basic ${header}`)];
      const scrub = scrubber(basicAuthSecrets(user, password));
      for (const form of forms) expect(scrub(`echo: ${form}`), form).not.to.contain(header.replace(/=+$/, ''));
      expect(scrub(`password=${password}`)).to.equal(`password=${REDACTED}`);
    }), { seed: 99, numRuns: 200 });
  });

  it('replaces the longest spelling first and leaves other text alone', () => {
    expect(redact('a "x\\"y" b', ['x"y'])).to.equal(`a "${REDACTED}" b`);
    expect(redact('nothing to hide', ['', 'absent'])).to.equal('nothing to hide');
    expect(secretForms('')).to.deep.equal([]);
  });

  it('redacts the values of data, never its keys nor the values at kept paths, without touching the original', () => {
    const data = { kind: 'tok-12345', tok: ['tok-12345', 1, null], nested: { value: 'x%2Ftok-12345', kept: 'tok-12345' } };
    expect(redactDeep(data, ['tok-12345'], { keep: new Set(['kind', 'nested.kept']) })).to.deep.equal({ kind: 'tok-12345', tok: [REDACTED, 1, null], nested: { value: `x%2F${REDACTED}`, kept: 'tok-12345' } });
    expect(redactDeep({ 'tok-12345': 1 }, ['tok-12345'], { keys: true })).to.deep.equal({ [REDACTED]: 1 });
    expect(redactDeep({ a: { b: { c: 'x' } } }, ['y'], { maxDepth: 2 })).to.deep.equal({ a: { b: '[too deep]' } });
    expect(data.nested.value).to.contain('tok-12345');
  });
});
