/** docs/diff.md has one row per rule and direction, equal to the rules in src/diff/ (id, summary, level, why). */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { RULES } from '../../src/diff/index.js';

const DOC = readFileSync(new URL('../../docs/diff.md', import.meta.url), 'utf8');

describe('docs/diff.md: the table of every rule', () => {
  it('lists every rule in each of its directions, with its level and reason, and nothing else', () => {
    const rows = [...DOC.matchAll(/^\| `([a-z-]+)` \| (.+?) \| (request|response) \| (breaking|warning|info) \| (.+?) \|$/gm)].map((m) => m.slice(1).join(' | '));
    const expected = RULES.flatMap((rule) => (['request', 'response'] as const).flatMap((direction) => {
      const verdict = rule[direction];
      return verdict ? [`${rule.id} | ${rule.summary} | ${direction} | ${verdict.level} | ${verdict.why}`] : [];
    }));
    expect(rows).to.deep.equal(expected);
  });
});
