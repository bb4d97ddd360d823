import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS; under NodeNext its default import is the module namespace.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const options: Options = {
  strict: true,
  allErrors: true,
  // `nullable` translates to `type: [T, "null"]`: a union the document means, not an accident.
  allowUnionTypes: true,
  // OpenAPI 3.0 schemas routinely omit `type` beside `properties`; that is legal and must not fail compilation.
  strictTypes: false,
  // maxLength/minLength count Unicode code points (Ajv's default); `pattern` compiles with the `u` flag.
  unicodeRegExp: true,
  verbose: true,
};

/** The one Ajv factory: strict, all errors, code-point lengths, ECMAScript `u` regexes, ajv-formats. */
export function createAjv(): Ajv {
  const ajv = new Ajv(options);
  addFormats(ajv);
  return ajv;
}

/** Formats ajv-formats knows; others are dropped in translation (and reported by lint). */
export function knownFormats(ajv: Ajv): ReadonlySet<string> {
  return new Set(Object.keys(ajv.formats));
}
