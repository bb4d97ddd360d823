import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { CHECK_IDS, CHECKS, selectChecks } from '../../src/checks/registry.js';
import { ConfigurationError } from '../../src/errors.js';

const CHECKS_DIR = fileURLToPath(new URL('../../src/checks/', import.meta.url));

describe('checks registry', () => {
  it('keeps one check per file, each listed in the registry', () => {
    const registry = readFileSync(`${CHECKS_DIR}registry.ts`, 'utf8');
    const checkFiles = readdirSync(CHECKS_DIR).filter((name) => name.endsWith('.ts')).map((name) => [name, readFileSync(`${CHECKS_DIR}${name}`, 'utf8')] as const)
      .filter(([, text]) => /^export const \w+: Check = \{/m.test(text));
    expect(checkFiles.length).to.equal(CHECKS.length);
    for (const [name, text] of checkFiles) {
      expect(text.match(/: Check = \{/g), name).to.have.length(1);
      expect(registry, name).to.contain(`from './${name.replace(/\.ts$/, '.js')}'`);
    }
  });

  it('has unique snake_case ids, each with a description and the behaviour it documents', () => {
    expect(new Set(CHECK_IDS).size).to.equal(CHECK_IDS.length);
    for (const check of CHECKS) {
      expect(check.id).to.match(/^[a-z]+(_[a-z]+)*$/);
      expect(check.description, check.id).to.have.length.greaterThan(10);
      expect(check.documents, check.id).to.have.length.greaterThan(10);
    }
  });

  it('includes the checks verify promises', () => {
    expect(CHECK_IDS).to.include.members([
      'not_a_server_error', 'status_documented', 'content_type', 'response_schema', 'error_code_documented', 'valid_input_accepted',
      'invalid_input_rejected', 'auth_required', 'update_applied', 'addressed_resource', 'not_found_codes', 'idempotent',
      'optional_headers_harmless', 'rate_limit_shape',
    ]);
  });

  it('selects by id in table order, from a list or a --checks string', () => {
    expect(selectChecks('idempotent, not_a_server_error').map((c) => c.id)).to.deep.equal(['not_a_server_error', 'idempotent']);
    expect(selectChecks(['content_type', 'content_type']).map((c) => c.id)).to.deep.equal(['content_type']);
  });

  it('selects every check when none is named', () => {
    expect(selectChecks()).to.equal(CHECKS);
    expect(selectChecks('')).to.equal(CHECKS);
  });

  it('refuses unknown ids with a ConfigurationError listing the valid ones', () => {
    expect(() => selectChecks('not_a_server_error,status_code')).to.throw(ConfigurationError, /unknown check status_code; valid ids: not_a_server_error, status_documented/);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(CHECKS)).to.equal(true);
  });
});
