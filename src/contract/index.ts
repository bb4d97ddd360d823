/** The contract layer's public surface: the only code that reads contract files. */
export { DEFAULT_CONTRACT_FILE, loadContract, parseContract, parseContractSync } from './load.js';
export { DEFAULT_OPERATION, assertDrivable, findOperation, harnessLimits, isModelled, operationLabel, selectOperation } from './select.js';
export { toJsonSchema, type Rewrite, type TranslateOptions } from './translate.js';
export { createAjv } from './ajv.js';
export { buildPath, decodeSegment, encodeSegment, matchPath } from './path.js';
export { originOf } from './dereference.js';
export { apiKeyHeaderOf } from './operation.js';
export { atPointer, childPointer, escapeToken, isJsonObject } from './json.js';
export type * from './types.js';
