/**
 * Table-driven vectors for every part and constraint of the shipped contract, at every boundary. Each states what
 * the strict reading (the document as written, per OpenAPI 3.0.3) and the intent reading (defects repaired) say.
 */
export type Say = 'accept' | 'reject';
export type PartName = 'path' | 'headers' | 'body' | `response:${number}`;

export interface Vector {
  readonly name: string;
  readonly part: PartName;
  readonly value: unknown;
  readonly strict: Say;
  readonly intent: Say;
  /** The keyword (and pointer) of the issue a rejection must carry. */
  readonly keyword?: string;
  readonly pointer?: string;
}

const emoji = '😀';
const repeat = (text: string, count: number): string => text.repeat(count);
const path = (id: string, integrationId = 'int-1'): { id: string; integrationId: string } => ({ id, integrationId });
const key = { 'x-api-key': 'k' };
const data = (extra: Record<string, unknown> = {}): { data: Record<string, unknown> } =>
  ({ data: { id: 'int-1', vendorIdentifier: 'STRIPE', syncedEntityId: 'cus_1', ...extra } });
const priceBilling = { billingId: 'b', billingLinkUrl: 'https://x', priceGroupPackageBillingId: 'p' };

const pathVectors: Vector[] = [
  { name: 'slug of 1 character', part: 'path', value: path('a'), strict: 'accept', intent: 'accept' },
  { name: 'slug of 255 characters', part: 'path', value: path(repeat('a', 255)), strict: 'accept', intent: 'accept' },
  { name: 'slug of 256 characters', part: 'path', value: path(repeat('a', 256)), strict: 'reject', intent: 'reject', keyword: 'maxLength', pointer: '/id' },
  { name: 'empty slug', part: 'path', value: path(''), strict: 'reject', intent: 'reject', keyword: 'minLength', pointer: '/id' },
  { name: 'slug with every legal character', part: 'path', value: path('aZ09_|.@-'), strict: 'accept', intent: 'accept' },
  ...['Z', '0', '9'].map((c): Vector => ({ name: `slug starting with ${c}`, part: 'path', value: path(`${c}x`), strict: 'accept', intent: 'accept' })),
  ...['_', '|', '.', '@', '-'].flatMap((c): Vector[] => [
    { name: `slug with ${c} inside and at the end`, part: 'path', value: path(`a${c}b${c}`), strict: 'accept', intent: 'accept' },
    { name: `slug starting with ${c}`, part: 'path', value: path(`${c}a`), strict: 'reject', intent: 'reject', keyword: 'pattern', pointer: '/id' },
  ]),
  ...[' ', '/', '%', 'é', emoji, '+', '#'].map((c): Vector => ({ name: `slug with illegal ${JSON.stringify(c)}`, part: 'path', value: path(`a${c}b`), strict: 'reject', intent: 'reject', keyword: 'pattern', pointer: '/id' })),
  { name: 'slug with a trailing newline ($ must not match before it)', part: 'path', value: path('ab\n'), strict: 'reject', intent: 'reject', keyword: 'pattern', pointer: '/id' },
  { name: 'integrationId of 255 emoji (code points, not UTF-16 units)', part: 'path', value: path('a', repeat(emoji, 255)), strict: 'accept', intent: 'accept' },
  { name: 'integrationId of 256 emoji', part: 'path', value: path('a', repeat(emoji, 256)), strict: 'reject', intent: 'reject', keyword: 'maxLength', pointer: '/integrationId' },
  { name: 'integrationId of 256 ASCII', part: 'path', value: path('a', repeat('x', 256)), strict: 'reject', intent: 'reject', keyword: 'maxLength', pointer: '/integrationId' },
  { name: 'integrationId of 1 character', part: 'path', value: path('a', 'x'), strict: 'accept', intent: 'accept' },
  { name: 'integrationId with any characters (/, space, %, ?, #, ..)', part: 'path', value: path('a', 'a/b c%?#..'), strict: 'accept', intent: 'accept' },
  { name: 'empty integrationId (lint: empty-path-parameter)', part: 'path', value: path('a', ''), strict: 'accept', intent: 'reject', keyword: 'minLength', pointer: '/integrationId' },
];

const headerVectors: Vector[] = [
  { name: 'API key only', part: 'headers', value: key, strict: 'accept', intent: 'accept' },
  { name: 'API key and both optional headers', part: 'headers', value: { ...key, 'x-account-id': 'acc', 'x-environment-id': 'env' }, strict: 'accept', intent: 'accept' },
  { name: 'unknown extra headers', part: 'headers', value: { ...key, 'x-request-id': 'r' }, strict: 'accept', intent: 'accept' },
  { name: 'no API key', part: 'headers', value: { 'x-account-id': 'acc' }, strict: 'reject', intent: 'reject', keyword: 'required', pointer: '/x-api-key' },
];

const bodyVectors: Vector[] = [
  { name: 'syncedEntityId string', part: 'body', value: { syncedEntityId: 'cus_1' }, strict: 'accept', intent: 'accept' },
  { name: 'syncedEntityId null (nullable with type)', part: 'body', value: { syncedEntityId: null }, strict: 'accept', intent: 'accept' },
  { name: 'syncedEntityId of 0 code points', part: 'body', value: { syncedEntityId: '' }, strict: 'accept', intent: 'accept' },
  { name: 'syncedEntityId of 255 emoji', part: 'body', value: { syncedEntityId: repeat(emoji, 255) }, strict: 'accept', intent: 'accept' },
  { name: 'syncedEntityId of 255 combining sequences (510 code points)', part: 'body', value: { syncedEntityId: repeat('e\u0301', 255) }, strict: 'reject', intent: 'reject', keyword: 'maxLength', pointer: '/syncedEntityId' },
  { name: 'syncedEntityId of 256 code points', part: 'body', value: { syncedEntityId: repeat('x', 256) }, strict: 'reject', intent: 'reject', keyword: 'maxLength', pointer: '/syncedEntityId' },
  { name: 'syncedEntityId missing', part: 'body', value: {}, strict: 'reject', intent: 'reject', keyword: 'required', pointer: '/syncedEntityId' },
  { name: 'extra property', part: 'body', value: { syncedEntityId: 'x', extra: 1 }, strict: 'reject', intent: 'reject', keyword: 'additionalProperties', pointer: '/extra' },
  ...[1, true, {}, []].map((wrong): Vector => ({ name: `syncedEntityId ${JSON.stringify(wrong)}`, part: 'body', value: { syncedEntityId: wrong }, strict: 'reject', intent: 'reject', keyword: 'type', pointer: '/syncedEntityId' })),
  ...[null, 'x', [], 3].map((wrong): Vector => ({ name: `body ${JSON.stringify(wrong)}`, part: 'body', value: wrong, strict: 'reject', intent: 'reject', keyword: 'type', pointer: '' })),
];

const vendors = ['AUTH0', 'ZUORA', 'STRIPE', 'HUBSPOT', 'AWS_MARKETPLACE', 'SNOWFLAKE', 'SALESFORCE', 'BIG_QUERY', 'OPEN_FGA', 'APP_STORE', 'RECEIVED', 'PREQUEL'];
const okVectors: Vector[] = [
  ...vendors.map((vendor): Vector => ({ name: `vendor ${vendor}`, part: 'response:200', value: data({ vendorIdentifier: vendor }), strict: 'accept', intent: 'accept' })),
  { name: 'unknown vendor', part: 'response:200', value: data({ vendorIdentifier: 'PAYPAL' }), strict: 'reject', intent: 'reject', keyword: 'enum', pointer: '/data/vendorIdentifier' },
  { name: 'syncedEntityId null', part: 'response:200', value: data({ syncedEntityId: null }), strict: 'accept', intent: 'accept' },
  { name: 'syncedEntityId missing (required)', part: 'response:200', value: { data: { id: 'i', vendorIdentifier: 'STRIPE' } }, strict: 'reject', intent: 'reject', keyword: 'required', pointer: '/data/syncedEntityId' },
  { name: 'data.id of 256 characters', part: 'response:200', value: data({ id: repeat('i', 256) }), strict: 'reject', intent: 'reject', keyword: 'maxLength', pointer: '/data/id' },
  { name: 'data missing', part: 'response:200', value: {}, strict: 'reject', intent: 'reject', keyword: 'required', pointer: '/data' },
  { name: 'syncData absent (optional)', part: 'response:200', value: data(), strict: 'accept', intent: 'accept' },
  { name: 'syncData null (lint: nullable-without-type)', part: 'response:200', value: data({ syncData: null }), strict: 'reject', intent: 'accept', keyword: 'oneOf', pointer: '/data/syncData' },
  { name: 'syncData price billing (lint: overlapping-one-of)', part: 'response:200', value: data({ syncData: priceBilling }), strict: 'reject', intent: 'accept', keyword: 'oneOf', pointer: '/data/syncData' },
  { name: 'syncData billing', part: 'response:200', value: data({ syncData: { billingId: 'b', billingLinkUrl: 'u' } }), strict: 'accept', intent: 'accept' },
  { name: 'syncData marketplace', part: 'response:200', value: data({ syncData: { dimensions: 'd' } }), strict: 'accept', intent: 'accept' },
  { name: 'syncData matching no branch', part: 'response:200', value: data({ syncData: { billingId: 'b' } }), strict: 'reject', intent: 'reject', keyword: 'required', pointer: '/data/syncData/billingLinkUrl' },
  { name: 'syncData billing with a 256-character billingId', part: 'response:200', value: data({ syncData: { billingId: repeat('b', 256), billingLinkUrl: 'u' } }), strict: 'reject', intent: 'reject', keyword: 'maxLength', pointer: '/data/syncData/billingId' },
  { name: 'unknown extra properties (additionalProperties unset)', part: 'response:200', value: { ...data({ extra: true }), meta: 1 }, strict: 'accept', intent: 'accept' },
];

const errorStatuses: Array<[number, string, string]> = [
  [400, 'BadUserInput', 'ApiKeyHasExpiry'], [401, 'Unauthenticated', 'Unauthenticated'], [403, 'IdentityForbidden', 'NoFeatureEntitlementError'],
  [404, 'CustomerNotFound', 'IntegrationNotFound'], [429, 'RateLimitExceeded', 'RateLimitExceeded'],
];
const errorVectors: Vector[] = errorStatuses.flatMap(([status, first, last]): Vector[] => {
  const part = `response:${status}` as const;
  return [
    { name: `${status} code ${first}`, part, value: { message: 'm', code: first }, strict: 'accept', intent: 'accept' },
    { name: `${status} code ${last}`, part, value: { message: 'm', code: last }, strict: 'accept', intent: 'accept' },
    { name: `${status} code null (lint: nullable-enum-without-null)`, part, value: { message: 'm', code: null }, strict: 'reject', intent: 'accept', keyword: 'enum', pointer: '/code' },
    { name: `${status} code not in the enum`, part, value: { message: 'm', code: 'Teapot' }, strict: 'reject', intent: 'reject', keyword: 'enum', pointer: '/code' },
    { name: `${status} code missing`, part, value: { message: 'm' }, strict: 'reject', intent: 'reject', keyword: 'required', pointer: '/code' },
    { name: `${status} message missing`, part, value: { code: first }, strict: 'reject', intent: 'reject', keyword: 'required', pointer: '/message' },
    { name: `${status} message not a string`, part, value: { message: 1, code: first }, strict: 'reject', intent: 'reject', keyword: 'type', pointer: '/message' },
    { name: `${status} extra properties`, part, value: { message: 'm', code: first, statusCode: status }, strict: 'accept', intent: 'accept' },
  ];
});

/** Every vector, by part. */
export const VECTORS: readonly Vector[] = [...pathVectors, ...headerVectors, ...bodyVectors, ...okVectors, ...errorVectors];
