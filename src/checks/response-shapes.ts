/**
 * The shapes a response schema allows, as dimensions to cover: each enum (every member), each anyOf/oneOf (every
 * branch, null included where the intent reading adds it), each type union, each optional property (absent, or
 * present in each of its shapes). A shape pins one choice per dimension into a schema a generator can walk, and
 * `classify` tells which choice a value shows, so a report can say what a client was served.
 * Dimensions are found along properties, not inside branches: a branch's own inner choices are left to chance.
 */
import { createAjv } from '../contract/ajv.js';
import type { JsonSchema } from '../contract/types.js';
import { isJsonObject, escapeToken } from '../contract/json.js';

/** One choice of a dimension: its label, and how it pins the property (undefined: the property is left out). */
export interface Choice {
  readonly label: string;
  readonly pin: ((schema: JsonSchema) => JsonSchema) | undefined;
  /** Whether a present value shows this choice (unused for `absent`). */
  readonly shows: (value: unknown) => boolean;
}

/** A property whose shape varies, with every shape it can take. */
export interface Dimension {
  /** Property names from the root to the property's parent object. */
  readonly parent: readonly string[];
  readonly property: string;
  /** JSON pointer of the property (`/data/syncData`), for reports. */
  readonly pointer: string;
  /** Where the choices come from: an enum's members, combinator branches, a type union, or only presence. */
  readonly kind: 'enum' | 'branch' | 'type' | 'presence';
  readonly choices: readonly Choice[];
}

/** The label of the choice "the optional property is not sent". */
export const ABSENT = 'absent';

const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', 'readOnly', 'writeOnly', '$comment', 'nullable']);
const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);

let ajv: ReturnType<typeof createAjv> | undefined;
function accepts(schema: JsonSchema): (value: unknown) => boolean {
  const validate = (ajv ??= createAjv()).compile(schema);
  return (value) => validate(value) === true;
}

/** A branch with its parent's other keywords (annotations aside) required too. */
function branchSchema(node: JsonSchema, combinator: string, branch: JsonSchema): JsonSchema {
  const siblings = Object.fromEntries(Object.entries(node).filter(([key]) => key !== combinator && !ANNOTATIONS.has(key)));
  return Object.keys(siblings).length === 0 ? branch : { allOf: [siblings, branch] };
}

/** Declares every key of the value (so of overlapping branches, the one that names all its properties wins). */
const declaresAll = (branch: JsonSchema, value: unknown): boolean =>
  !isJsonObject(value) || !isJsonObject(branch['properties']) || Object.keys(value).every((key) => key in (branch['properties'] as object));

function branchChoices(node: JsonSchema, combinator: 'anyOf' | 'oneOf'): Choice[] {
  const branches = (node[combinator] as unknown[]).filter(isJsonObject);
  const tests = branches.map((branch) => accepts(branch));
  // A value shows the first branch that accepts it and declares all its keys, else the first that accepts it.
  const shown = (value: unknown): number => {
    const fitting = tests.flatMap((test, index) => (test(value) ? [index] : []));
    return fitting.find((index) => declaresAll(branches[index] as JsonSchema, value)) ?? fitting[0] ?? -1;
  };
  return branches.map((branch, index) => ({
    label: typeof branch['title'] === 'string' ? branch['title'] : branch['type'] === 'null' ? 'null' : `${combinator}[${index}]`,
    pin: () => branchSchema(node, combinator, branch),
    shows: (value) => shown(value) === index,
  }));
}

/** The choices a schema node offers by itself, or undefined when it has one shape. */
function choicesOf(node: JsonSchema): { kind: Dimension['kind']; choices: Choice[] } | undefined {
  if (Array.isArray(node['enum']) && node['enum'].length > 1) {
    return { kind: 'enum', choices: node['enum'].map((member) => ({ label: String(member), pin: (schema) => ({ ...schema, enum: [member] }), shows: (value) => value === member })) };
  }
  for (const combinator of ['anyOf', 'oneOf'] as const) if (Array.isArray(node[combinator])) return { kind: 'branch', choices: branchChoices(node, combinator) };
  const types = node['type'];
  if (Array.isArray(types) && types.length > 1) {
    return {
      kind: 'type',
      choices: types.map((type) => ({
        label: String(type), pin: (schema) => ({ ...schema, type }),
        shows: (value) => kindOf(value) === type || (type === 'number' && kindOf(value) === 'integer'),
      })),
    };
  }
  return undefined;
}

/**
 * Every dimension of an object schema, depth first along its properties; properties at `skip` pointers (fields the
 * mock fills from the request) have none.
 */
export function shapeDimensions(schema: JsonSchema, skip: readonly string[] = [], parent: readonly string[] = []): Dimension[] {
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  return Object.entries(properties).flatMap(([property, sub]): Dimension[] => {
    const pointer = [...parent, property].map((name) => `/${escapeToken(name)}`).join('');
    if (!isJsonObject(sub) || skip.includes(pointer)) return [];
    const own = choicesOf(sub);
    const optional = !required.includes(property);
    const absent: Choice[] = optional ? [{ label: ABSENT, pin: undefined, shows: () => false }] : [];
    const here: Dimension[] = own || optional
      ? [{ parent, property, pointer, kind: own?.kind ?? 'presence', choices: [...absent, ...(own?.choices ?? [{ label: 'present', pin: (s: JsonSchema) => s, shows: () => true }])] }]
      : [];
    return own ? here : [...here, ...shapeDimensions(sub, skip, [...parent, property])];
  });
}

/** How a dimension is named in a coverage report: its pointer, and what kind of choice it counts. */
export function shapeLineName(dimension: Dimension): string {
  const suffix = { enum: '', branch: ' branches', type: ' types', presence: ' presence' }[dimension.kind];
  return `${dimension.pointer}${suffix}`;
}

/** The schema with `choice` applied at the dimension's property (left out, or required and pinned). */
export function pinChoice(schema: JsonSchema, dimension: Dimension, choice: Choice, depth = 0): JsonSchema {
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  if (depth < dimension.parent.length) {
    const name = dimension.parent[depth] as string;
    const child = properties[name];
    return isJsonObject(child) ? { ...schema, properties: { ...properties, [name]: pinChoice(child, dimension, choice, depth + 1) } } : schema;
  }
  const { [dimension.property]: target, ...others } = properties;
  if (!choice.pin || !isJsonObject(target)) return { ...schema, properties: others, required: required.filter((name) => name !== dimension.property) };
  return { ...schema, properties: { ...others, [dimension.property]: choice.pin(target) }, required: [...new Set([...required, dimension.property])] };
}

/** The label of the choice a value shows for each dimension (`absent` when the property is not there). */
export function classify(dimensions: readonly Dimension[], value: unknown): Map<Dimension, string> {
  const labels = new Map<Dimension, string>();
  for (const dimension of dimensions) {
    let node: unknown = value;
    for (const name of dimension.parent) node = isJsonObject(node) ? node[name] : undefined;
    if (!isJsonObject(node)) continue;
    if (!(dimension.property in node)) {
      if (dimension.choices.some((choice) => choice.label === ABSENT)) labels.set(dimension, ABSENT);
      continue;
    }
    const shown = dimension.choices.find((choice) => choice.pin && choice.shows(node[dimension.property]));
    if (shown) labels.set(dimension, shown.label);
  }
  return labels;
}
