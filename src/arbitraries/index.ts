/**
 * The arbitraries layer's public surface: fast-check arbitraries derived from the operation's contract (the intent
 * reading). Everything public is listed here by name; `_internals/` is not part of it.
 */
export type { BreakTag, HeaderCase, Intent, InvalidKind, KeyUse, RawBody, RequestCase, Tagged } from './types.js';
export { pathParamArbitrary, invalidPathParamArbitrary, pathParamNames } from './path-param.js';
export { bodyArbitrary, invalidBodyArbitrary } from './body.js';
export { headersArbitrary, invalidHeadersArbitrary } from './headers.js';
export { responseArbitrary, invalidResponseArbitrary, exampleResponse, type ExampleResponse } from './response.js';
export {
  validRequest, invalidRequest, unauthenticatedRequest, anyRequest, invalidKinds, buildRequest,
  type RequestOptions, type InvalidRequestOptions, type RequestParts,
} from './request.js';
export {
  edgePathValues, edgeInvalidPathValues, edgeFixtureIds, edgeBodies, edgeHeaders, edgeBase, edgeKinds, edgeRecordTexts,
  type EdgeBody, type EdgeFixture, type EdgeHeaders, type EdgeKind, type Layer, type Presence,
} from './edges.js';
export { schemaArbitrary, type WalkOptions, type TextStyle } from './schema.js';
export { serialiseBody } from './_internals/build.js';
export { fillKey, KEY_EXPRESSION, NEAR_MISS_KEYS, type NearMissKey } from './key-expressions.js';
export { tagProblem } from './as-tagged.js';
