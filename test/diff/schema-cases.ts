/** One case per schema rule: the rule, a before and an after schema, and the level in each direction it has. */
import type { Direction, Level } from '../../src/diff/index.js';

export type Case = readonly [rule: string, before: object, after: object, levels: Partial<Record<Direction, Level>>];

export const str = { type: 'string' };
export const obj = (properties: object, extra: object = {}): object => ({ type: 'object', properties, ...extra });

export const SCHEMA_CASES: readonly Case[] = [
  ['type-widened', { type: 'integer' }, { type: 'number' }, { request: 'info', response: 'breaking' }],
  ['type-narrowed', { type: 'number' }, { type: 'integer' }, { request: 'breaking', response: 'info' }],
  ['type-changed', str, { type: 'array', items: str }, { request: 'breaking', response: 'breaking' }],
  ['became-nullable', str, { ...str, nullable: true }, { request: 'info', response: 'breaking' }],
  ['became-not-nullable', { ...str, nullable: true }, str, { request: 'breaking', response: 'info' }],
  ['enum-value-added', { ...str, enum: ['A'] }, { ...str, enum: ['A', 'B'] }, { request: 'info', response: 'warning' }],
  ['enum-value-removed', { ...str, enum: ['A', 'B'] }, { ...str, enum: ['A'] }, { request: 'breaking', response: 'info' }],
  ['enum-added', str, { ...str, enum: ['A'] }, { request: 'breaking', response: 'info' }],
  ['enum-removed', { ...str, enum: ['A'] }, str, { request: 'info', response: 'warning' }],
  ['required-added', obj({ a: str }), obj({ a: str }, { required: ['a'] }), { request: 'breaking', response: 'info' }],
  ['required-removed', obj({ a: str }, { required: ['a'] }), obj({ a: str }), { request: 'info', response: 'breaking' }],
  ['required-property-added', obj({}), obj({ a: str }, { required: ['a'] }), { request: 'breaking', response: 'info' }],
  ['optional-property-added', obj({}), obj({ a: str }), { request: 'info', response: 'info' }],
  ['required-property-removed', obj({ a: str }, { required: ['a'] }), obj({}), { request: 'warning', response: 'breaking' }],
  ['optional-property-removed', obj({ a: str }), obj({}), { request: 'warning', response: 'warning' }],
  ['property-forbidden', obj({ a: str, b: str }, { additionalProperties: false }), obj({ a: str }, { additionalProperties: false }), { request: 'breaking' }],
  ['additional-properties-forbidden', obj({ a: str }), obj({ a: str }, { additionalProperties: false }), { request: 'breaking', response: 'info' }],
  ['additional-properties-allowed', obj({ a: str }, { additionalProperties: false }), obj({ a: str }), { request: 'info', response: 'warning' }],
  ['length-narrowed', { ...str, maxLength: 10 }, { ...str, maxLength: 5 }, { request: 'breaking', response: 'info' }],
  ['length-widened', { ...str, minLength: 2 }, str, { request: 'info', response: 'breaking' }],
  ['range-narrowed', { type: 'number', maximum: 10 }, { type: 'number', maximum: 10, exclusiveMaximum: true }, { request: 'breaking', response: 'info' }],
  ['range-widened', { type: 'number', minimum: 0, multipleOf: 4 }, { type: 'number', minimum: -5, multipleOf: 2 }, { request: 'info', response: 'breaking' }],
  ['range-changed', { type: 'number', multipleOf: 2 }, { type: 'number', multipleOf: 3 }, { request: 'breaking', response: 'breaking' }],
  ['size-narrowed', { type: 'array', items: str }, { type: 'array', items: str, uniqueItems: true, maxItems: 3 }, { request: 'breaking', response: 'info' }],
  ['size-widened', { type: 'object', minProperties: 1 }, { type: 'object' }, { request: 'info', response: 'breaking' }],
  ['pattern-added', str, { ...str, pattern: '^a' }, { request: 'breaking', response: 'info' }],
  ['pattern-removed', { ...str, pattern: '^a' }, str, { request: 'info', response: 'warning' }],
  ['pattern-changed', { ...str, pattern: '^a' }, { ...str, pattern: '^[ab]' }, { request: 'breaking', response: 'warning' }],
  ['format-added', str, { ...str, format: 'date-time' }, { request: 'breaking', response: 'info' }],
  ['format-removed', { ...str, format: 'date-time' }, str, { request: 'info', response: 'warning' }],
  ['format-changed', { ...str, format: 'date-time' }, { ...str, format: 'date' }, { request: 'breaking', response: 'warning' }],
  ['branch-added', { oneOf: [str, { type: 'integer' }] }, { oneOf: [str, { type: 'integer' }, { type: 'boolean' }] }, { request: 'info', response: 'warning' }],
  ['branch-removed', { anyOf: [str, { type: 'boolean' }] }, { anyOf: [str] }, { request: 'breaking', response: 'info' }],
  ['composition-widened', { oneOf: [str, { type: 'integer' }] }, { anyOf: [str, { type: 'integer' }] }, { request: 'info', response: 'warning' }],
  ['composition-narrowed', { anyOf: [str, { type: 'integer' }] }, { oneOf: [str, { type: 'integer' }] }, { request: 'breaking', response: 'info' }],
  ['all-of-part-added', { allOf: [obj({ a: str })] }, { allOf: [obj({ a: str }), { required: ['a'] }] }, { request: 'breaking', response: 'info' }],
  ['all-of-part-removed', { allOf: [obj({ a: str }), { required: ['a'] }] }, { allOf: [obj({ a: str })] }, { request: 'info', response: 'breaking' }],
  ['default-changed', { ...str, default: 'a' }, { ...str, default: 'b' }, { request: 'warning', response: 'info' }],
];
