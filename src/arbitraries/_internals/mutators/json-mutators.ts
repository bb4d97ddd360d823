import fc from 'fast-check';
import { childPointer } from '../../../contract/json.js';
import type { JsonSchema } from '../../../contract/types.js';
import type { Part } from '../../../validators/index.js';
import { codePointString } from '../code-point-string.js';
import { unknownName } from '../objects.js';
import { textAlphabet, type TextStyle } from '../unicode.js';
import { anyJson, typesOf, type Walk } from '../walker.js';
import { fixedMutator, kindOf, mapMutator, type Mutator } from './mutator.js';
import { stringMutators } from './strings.js';
import { isJsonObject } from '../../../contract/json.js';

const COMBINATORS = ['anyOf', 'oneOf', 'allOf', 'not', 'if', 'const'];

// One value of each JSON type, for "wrong type" mutations: small, and each survives JSON serialisation as its type.
const OF_TYPE: Record<string, () => fc.Arbitrary<unknown>> = {
  null: () => fc.constant(null),
  boolean: () => fc.boolean(),
  integer: () => fc.integer({ min: -1e6, max: 1e6 }),
  number: () => fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  string: () => codePointString(textAlphabet('json'), { minLength: 0, maxLength: 8 }),
  array: () => fc.array(anyJson(), { maxLength: 2 }),
  object: () => fc.dictionary(fc.string({ unit: 'grapheme-ascii', maxLength: 6 }), anyJson(), { maxKeys: 2, noNullPrototype: true }),
};

/** Values whose JSON type the schema does not allow (an integer is a number, so never "wrong" where numbers are). */
function wrongType(allowed: readonly string[]): fc.Arbitrary<unknown> | undefined {
  const wrong = Object.keys(OF_TYPE).filter((type) => !allowed.includes(type) && !(type === 'integer' && allowed.includes('number')));
  const arbitraries = wrong.map((type) => (OF_TYPE[type] as () => fc.Arbitrary<unknown>)());
  return arbitraries.length === 0 ? undefined : fc.oneof(...arbitraries);
}

/** Object-level breakers: a required property missing, an undeclared one where `additionalProperties` is false. */
function objectMutators(schema: JsonSchema, part: Part, pointer: string, walk: Walk): Mutator<unknown>[] {
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  const container = walk({ ...schema, type: 'object' }) as fc.Arbitrary<Record<string, unknown>>;
  const mutators: Mutator<unknown>[] = required.map((name) => fixedMutator({ part, pointer: childPointer(pointer, name), keyword: 'required' }, container.map((object) => {
    const { [name]: _dropped, ...rest } = object;
    return rest;
  })));
  if (schema['additionalProperties'] === false && !('patternProperties' in schema)) {
    const extra = fc.tuple(container, unknownName(Object.keys(properties)), anyJson())
      .map(([object, name, value]) => ({ value: { ...object, [name]: value }, breaks: { part, pointer: childPointer(pointer, name), keyword: 'additionalProperties' } }));
    mutators.push({ kind: kindOf(part, undefined, 'additionalProperties'), arbitrary: extra });
  }
  for (const [name, sub] of Object.entries(properties)) {
    if (!isJsonObject(sub)) continue;
    const inners = jsonMutators(sub, part, childPointer(pointer, name), walk);
    if (inners.length === 0) continue;
    // The rest of the object, without the property the inner mutator supplies: generating a valid value for it only
    // to overwrite it doubled the work at every level of nesting.
    const others = Object.fromEntries(Object.entries(properties).filter(([other]) => other !== name));
    const around = walk({ ...schema, type: 'object', properties: others, required: required.filter((other) => other !== name) }) as fc.Arbitrary<Record<string, unknown>>;
    for (const inner of inners) {
      mutators.push({
        kind: inner.kind,
        arbitrary: fc.tuple(around, inner.arbitrary).map(([object, bad]) => ({ value: { ...object, [name]: bad.value }, breaks: bad.breaks })),
      });
    }
  }
  return mutators;
}

/**
 * Every way to break one constraint of a JSON value's schema, recursively into declared properties: the wrong JSON
 * type, string constraints, object constraints. Branches of `anyOf`/`oneOf`/`allOf` are left alone: breaking one
 * branch may satisfy another, so no single tag could be promised there.
 */
export function jsonMutators(schema: JsonSchema, part: Part, pointer: string, walk: Walk, style: TextStyle = 'json'): Mutator<unknown>[] {
  if (COMBINATORS.some((keyword) => keyword in schema)) return [];
  const types = typesOf(schema);
  if (!types) return [];
  const mutators: Mutator<unknown>[] = [];
  const wrong = wrongType(types);
  if (wrong) mutators.push(fixedMutator({ part, pointer, keyword: 'type' }, wrong));
  if (types.includes('string')) mutators.push(...stringMutators(schema, { part, pointer }, style).map((m) => mapMutator(m, (value): unknown => value)));
  if (types.includes('object')) mutators.push(...objectMutators(schema, part, pointer, walk));
  return mutators;
}
