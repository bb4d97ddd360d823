import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { DEFAULT_CONTRACT_FILE } from '../../src/contract/index.js';

// SHA-256 of the OpenAPI YAML in shared/000_57505b82e484ef91.txt (Stigg API 7.64.2), as published.
const SEED_SHA256 = 'aac1e70ffa820cf16ccb046642cd9ae5f7c094836f1ecfdb01aa14cab1edd522';
const SEED_FILE = new URL('../../../shared/000_57505b82e484ef91.txt', import.meta.url);

/** The document without the provenance comment lines this project adds on top. */
const shippedDocument = (): string => {
  const text = readFileSync(DEFAULT_CONTRACT_FILE, 'utf8');
  return text.slice(text.indexOf('openapi:'));
};

describe('contracts/stigg-api.openapi.yaml', () => {
  it('is byte-for-byte the published Stigg API 7.64.2 document', () => {
    expect(createHash('sha256').update(shippedDocument()).digest('hex')).to.equal(SEED_SHA256);
  });

  it('matches the seed file when the shared folder is beside the checkout', () => {
    const seed = existsSync(SEED_FILE) ? readFileSync(SEED_FILE, 'utf8') : undefined;
    const fence = '````yaml';
    // Without shared/ the hash above is the proof; with it, compare the text itself.
    const expected = seed === undefined ? shippedDocument() : seed.slice(seed.indexOf('\n', seed.indexOf(fence)) + 1, seed.lastIndexOf('````'));
    expect(shippedDocument()).to.equal(expected);
  });
});
