/**
 * Every rule about the operation itself (parameters, body, statuses, media types, headers, security, the operation's
 * place), and the two readings: a change only the strict reading sees is information, one only the intent reading
 * sees keeps its level. Levels are written out, not read from the rule table.
 */
import { expect } from 'chai';
import { RULES } from '../../src/diff/index.js';
import { brief, changesOf, withSchema, type OperationParts } from './helpers.js';

const json = (schema: object = { type: 'object' }): object => ({ 'application/json': { schema } });
const header = (name: string, required: boolean): object => ({ name, in: 'header', required, schema: { type: 'string' } });
const query = (name: string, required: boolean): object => ({ name, in: 'query', required, schema: { type: 'string' } });
const body = (required: boolean, content: object = json()): OperationParts => ({ requestBody: { required, content } });
const responses = (entries: Record<string, object>): OperationParts => ({ responses: entries });
const withHeader = (required: boolean | undefined): OperationParts => responses({
  429: { description: 'slow down', ...(required === undefined ? {} : { headers: { 'Retry-After': { required, schema: { type: 'integer' } } } }) },
});

const CASES: readonly (readonly [rule: string, before: OperationParts, after: OperationParts, expected: string])[] = [
  ['required-parameter-added', {}, { parameters: [header('X-A', true)] }, 'breaking request header X-A'],
  ['optional-parameter-added', {}, { parameters: [query('page', false)] }, 'info request query parameter page'],
  ['parameter-removed', { parameters: [query('page', false)] }, {}, 'warning request query parameter page'],
  ['parameter-became-required', { parameters: [header('X-A', false)] }, { parameters: [header('x-a', true)] }, 'breaking request header X-A'],
  ['parameter-became-optional', { parameters: [header('X-A', true)] }, { parameters: [header('X-A', false)] }, 'info request header X-A'],
  ['required-request-body-added', {}, body(true), 'breaking request request body'],
  ['optional-request-body-added', {}, body(false), 'info request request body'],
  ['request-body-removed', body(true), {}, 'warning request request body'],
  ['request-body-became-required', body(false), body(true), 'breaking request request body'],
  ['request-body-became-optional', body(true), body(false), 'info request request body'],
  ['request-media-type-changed', body(true), body(true, { 'application/merge-patch+json': { schema: { type: 'object' } } }), 'breaking request request body'],
  ['success-status-added', responses({ 200: { description: 'ok' } }), responses({ 200: { description: 'ok' }, 202: { description: 'later' } }), 'warning response response 202'],
  ['error-status-added', responses({ 200: { description: 'ok' } }), responses({ 200: { description: 'ok' }, 409: { description: 'conflict' } }), 'info response response 409'],
  ['success-status-removed', responses({ 200: { description: 'ok' }, 204: { description: 'none' } }), responses({ 200: { description: 'ok' } }), 'breaking response response 204'],
  ['error-status-removed', responses({ 200: { description: 'ok' }, 404: { description: 'no' } }), responses({ 200: { description: 'ok' } }), 'info response response 404'],
  ['response-media-type-changed', withSchema('response', { type: 'object' }), responses({ 200: { description: 'ok', content: { 'application/problem+json': { schema: { type: 'object' } } } } }), 'breaking response response 200 body'],
  ['response-body-added', responses({ 200: { description: 'ok' } }), withSchema('response', { type: 'object' }), 'info response response 200 body'],
  ['response-body-removed', withSchema('response', { type: 'object' }), responses({ 200: { description: 'ok' } }), 'breaking response response 200 body'],
  ['response-header-added', withHeader(undefined), withHeader(false), 'info response response 429 header Retry-After'],
  ['required-response-header-removed', withHeader(true), withHeader(undefined), 'breaking response response 429 header Retry-After'],
  ['optional-response-header-removed', withHeader(false), withHeader(undefined), 'warning response response 429 header Retry-After'],
  ['response-header-became-optional', withHeader(true), withHeader(false), 'breaking response response 429 header Retry-After'],
  ['response-header-became-required', withHeader(false), withHeader(true), 'info response response 429 header Retry-After'],
  ['security-added', {}, { security: [{ Key: [] }] }, 'breaking request security'],
  ['security-removed', { security: [{ Key: [] }] }, { security: [] }, 'info request security'],
  ['security-alternative-added', { security: [{ Key: [] }] }, { security: [{ Key: [] }, { Jwt: [] }] }, 'info request security'],
  ['security-alternative-removed', { security: [{ Key: [] }, { Jwt: [] }] }, { security: [{ Jwt: [] }] }, 'breaking request security'],
  ['path-changed', {}, { path: '/y/{id}' }, 'breaking request operation'],
  ['method-changed', {}, { method: 'put' }, 'breaking request operation'],
];

describe('diff: every rule about the operation itself', () => {
  for (const [rule, before, after, expected] of CASES) {
    it(`${rule}: ${expected.split(' ').slice(0, 2).join(' ')}`, () => {
      expect(changesOf(before, after).map(brief)).to.deep.equal([`${rule} ${expected}`]);
    });
  }

  it('an operation in one document only is added or removed; in neither, unusable input', () => {
    const elsewhere: OperationParts = { path: '/y/{id}', operationId: 'other' };
    expect(changesOf({}, elsewhere, 'PATCH /x/{id}').map(brief)).to.deep.equal(['operation-removed breaking request operation']);
    expect(changesOf(elsewhere, {}, 'PATCH /x/{id}').map(brief)).to.deep.equal(['operation-added info request operation']);
    expect(changesOf({}, { path: '/y/{id}' }, 'PATCH /x/{id}').map(brief), 'found again by its operationId').to.deep.equal(['path-changed breaking request operation']);
    expect(() => changesOf({}, {}, 'nope')).to.throw(/no operation nope in v1\.yaml/);
  });

  it('every operation rule of the table has a case here', () => {
    const cased = new Set([...CASES.map(([rule]) => rule), 'operation-added', 'operation-removed']);
    const operationRules = RULES.filter((rule) => rule.request === undefined || rule.response === undefined).map((rule) => rule.id);
    expect(operationRules.filter((id) => !cased.has(id) && id !== 'property-forbidden')).to.deep.equal([]);
  });
});

describe('diff: both readings of the contract', () => {
  it('a change only the strict reading sees is information, and says so', () => {
    const before: OperationParts = { parameters: [{ name: 'k', in: 'header', required: true, schema: { type: 'string', enum: ['a'], nullable: true } }] };
    const after: OperationParts = { parameters: [{ name: 'k', in: 'header', required: true, schema: { type: 'string', enum: ['a', null], nullable: true } }] };
    const [change, ...rest] = changesOf(before, after);
    expect(rest).to.deep.equal([]);
    expect([change?.rule, change?.level, change?.readings]).to.deep.equal(['became-nullable', 'info', ['strict']]);
    expect(change?.why).to.contain('only the strict reading sees it');
  });

  it('a change only the intent reading sees keeps its level', () => {
    const shapes = [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'string' } } }];
    const [change, ...rest] = changesOf(withSchema('request', { oneOf: shapes, nullable: true }), withSchema('request', { oneOf: shapes }));
    expect(rest).to.deep.equal([]);
    expect([change?.rule, change?.level, change?.readings]).to.deep.equal(['became-not-nullable', 'breaking', ['intent']]);
    expect(change?.why).to.contain('only the intent reading sees it');
  });
});
