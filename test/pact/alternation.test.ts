import { expect } from 'chai';
import { alternation, alternationMembers, describeAlternations } from '../../src/pact/alternation.js';
import { contractFacts } from '../../src/checks/index.js';
import { openContract } from '../../src/validators/index.js';

describe('pact: enum matchers as alternations, and how a mismatch on one reads', () => {
  it('names a long alternation a mismatch quotes by its count: "one of 133 documented values", not 4 kB of codes', async () => {
    const codes = (contractFacts(await openContract()).errorCodes(400, 'strict') ?? []).map(String);
    const regex = alternation(codes);
    expect(regex.length).to.be.greaterThan(3000);
    const message = `$.code -> Expected 'NotACode' to match '${regex}'`;
    expect(describeAlternations(message)).to.equal(`$.code -> Expected 'NotACode' to match one of ${codes.length} documented values`);
    expect(alternationMembers(regex)).to.deep.equal(codes);
  });

  it('keeps short alternations and other regexes as they are', () => {
    const short = `Expected 'x' to match '${alternation(['a', 'b|c'])}'`;
    expect(describeAlternations(short)).to.equal(short);
    expect(describeAlternations("Expected 'x' to match '^[a-z]+$'")).to.equal("Expected 'x' to match '^[a-z]+$'");
  });
});
