import { expect } from 'chai';
import type { Reading } from '../../src/contract/types.js';
import { openContract, type OperationContract, type ValidationIssue } from '../../src/validators/index.js';
import { VECTORS, type Vector } from './vectors.js';

function validate(bound: OperationContract, vector: Vector, reading: Reading): ValidationIssue[] {
  const { parts } = bound;
  if (vector.part === 'path') return parts.path[reading](vector.value);
  if (vector.part === 'headers') return parts.headers[reading](vector.value);
  if (vector.part === 'body') return parts.body?.[reading](vector.value) ?? [];
  const validators = parts.responses.get(Number(vector.part.slice('response:'.length)));
  if (!validators) throw new Error(`no validator for ${vector.part}`);
  return validators[reading](vector.value);
}

describe('validators: table-driven vectors (strict and intent readings)', () => {
  let bound: OperationContract;
  before(async () => {
    bound = await openContract();
  });

  for (const vector of VECTORS) {
    it(`${vector.part}: ${vector.name} — strict ${vector.strict}s, intent ${vector.intent}s`, () => {
      for (const reading of ['strict', 'intent'] as const) {
        const issues = validate(bound, vector, reading);
        expect(issues.length === 0 ? 'accept' : 'reject', `${reading}: ${JSON.stringify(issues)}`).to.equal(vector[reading]);
        if (issues.length > 0 && vector.keyword !== undefined) {
          expect(issues.map((i) => `${i.keyword} ${i.pointer}`), reading).to.include(`${vector.keyword} ${vector.pointer ?? ''}`);
        }
      }
    });
  }

  it('covers every part the operation documents', () => {
    const parts = new Set(VECTORS.map((v) => v.part));
    expect([...parts]).to.include.members(['path', 'headers', 'body', ...bound.operation.responses.map((r) => `response:${r.status}`)]);
  });

  it('judges a body nested thousands of levels deep (JSON.parse reads it; showing it must not overflow the stack)', async () => {
    const contract = await openContract();
    const rawBody = `{"syncedEntityId":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const result = contract.validateRequest({ method: 'PATCH', path: '/api/v1/customers/a/integrations/b', headers: { 'content-type': 'application/json', 'x-api-key': 'k' }, rawBody });
    expect(result.matched && result.verdict).to.equal('violation');
    expect(result.matched && result.intent.map((issue) => [issue.pointer, issue.keyword, issue.value])).to.deep.equal([['/syncedEntityId', 'type', '(an array nested too deeply to show)']]);
  });
});
