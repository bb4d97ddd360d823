/**
 * Deterministic edge values derived from the contract (the intent reading), each labelled with a short stable edge
 * class: the systematic phase runs all of them on every run, whatever the seed. Labels read
 * `<part><pointer>:<what>[:<variant>][#<position>]`, e.g. `path/integrationId:maxLength:4-byte`,
 * `path/id:char:.#last`, `body/syncedEntityId:type:array-of-valid`, `headers/x-api-key:name:x-api-key`.
 */
import type { OperationContract } from '../validators/index.js';
import { bodyEdges, type EdgeBody } from './_internals/edges/body-values.js';
import { edgeFixtures, type EdgeFixture, type Presence } from './_internals/edges/fixtures.js';
import { recordTexts } from './_internals/edges/string-values.js';
import { EDGE_KINDS, type EdgeKind, type Layer } from './_internals/edges/kinds.js';
import { baseHeaders, headerEdges, type EdgeHeaders } from './_internals/edges/header-values.js';
import { exampleOf } from './_internals/edges/json-values.js';
import { invalidPathEdgeValues, pathEdgeValues } from './_internals/edges/path-values.js';
import { modelOf, pathSite } from './_internals/model.js';
import type { HeaderCase, Intent, RawBody } from './types.js';

export type { EdgeBody, EdgeFixture, EdgeHeaders, EdgeKind, Layer, Presence };

/**
 * Valid (decoded) edge values of a path parameter: boundary lengths in code points of 1- to 4-byte characters
 * (`minLength:2-byte`, `maxLength:4-byte`, `maxLength:every-char`), and each character the pattern lists or that
 * URL, form and path decoders treat specially (`+`, `%41`, `%`, `%2F`, `/`, `;`, `.`, `..`, `?`, `#`, space,
 * gen-delims, sub-delims, non-ASCII, astral) at the start, middle and end of one value where the schema allows, and
 * alone (`char:%2F#edges`, `char:%2F#alone`).
 * A value may appear under two classes (`é` is the 2-byte minimum and non-ASCII alone).
 */
export function edgePathValues(contract: OperationContract, paramName: string): Array<{ value: string; edgeClass: string; kind: string }> {
  return pathEdgeValues(pathSite(modelOf(contract), paramName)).map(({ value, edgeClass, kind }) => ({ value, edgeClass, kind }));
}

/**
 * Invalid (decoded) edge values of a path parameter: one code point over the maximum length, and each character
 * decoders treat specially that the schema forbids, first (`path/id:forbidden-char:space`); each with its intent.
 */
export function edgeInvalidPathValues(contract: OperationContract, paramName: string): Array<{ value: string; edgeClass: string; kind: string; expect: Intent }> {
  const site = pathSite(modelOf(contract), paramName);
  return invalidPathEdgeValues(site).map(({ value, edgeClass, kind, keyword }) => ({ value, edgeClass, kind, expect: { intent: 'invalid', breaks: { part: 'path', pointer: site.pointer, keyword } } }));
}

/**
 * (customer, integration) pairs the run sets up through provider states (the first two path parameters, in template
 * order), in the order to set them up: every valid path edge value as an existing record (the resource parameter's
 * values each on a customer of its own, the customer parameter's values each holding the anchor integration), then
 * the store layer's: side-by-side twins, absent neighbours of existing ids (made absent before their neighbour
 * exists), runtime names and number-looking ids existing and absent, every naughty string an id allows as an absent
 * record, and records holding telling values. `edgeClass` names the value's classes, `kind` its catalogue kind.
 */
export function edgeFixtureIds(contract: OperationContract): EdgeFixture[] {
  const [customer, integration] = modelOf(contract).pathParams;
  if (!customer || !integration) return [];
  return edgeFixtures(customer, integration);
}

/** The edge catalogue: every kind of edge, by the layer of a stack that mishandles it, with the checks that judge it. */
export function edgeKinds(): readonly EdgeKind[] {
  return EDGE_KINDS;
}

/**
 * Edge bodies, valid and invalid (each invalid one tagged with the one constraint it breaks, as the validator
 * reports it): every field null, empty, at exactly its maximum length of each byte length and one past it; every JSON
 * type in place of the body and of each field; a required field missing, an undeclared one; the largest valid body.
 */
export function edgeBodies(contract: OperationContract): EdgeBody[] {
  return bodyEdges(modelOf(contract));
}

/**
 * Edge headers: the API key under each spelling of its header name (`keyHeader`: send the key under that name),
 * missing, empty and wrong; each optional header parameter absent, empty and garbage.
 */
export function edgeHeaders(contract: OperationContract): EdgeHeaders[] {
  return headerEdges(modelOf(contract));
}

/** The fixed valid headers (key sent, optional headers absent) and body that every edge starts from. */
export function edgeBase(contract: OperationContract): { headers: HeaderCase; body: RawBody } {
  const model = modelOf(contract);
  return { headers: { headers: baseHeaders(model), key: 'valid' }, body: model.body ? { kind: 'json', value: exampleOf(model.body.schema) } : { kind: 'absent' } };
}

/**
 * Texts for the members of a record set up through a provider state, by the layer that mangles them: `coercion`,
 * strings that look like numbers, booleans or null; `serializer`, markup, separators, control and astral characters.
 */
export function edgeRecordTexts(layer: 'coercion' | 'serializer'): string[] {
  return recordTexts(layer);
}
