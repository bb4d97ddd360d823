/**
 * Deterministic edge values derived from the contract (the intent reading), each labelled with a short stable edge
 * class: the systematic phase runs all of them on every run, whatever the seed. Labels read
 * `<part><pointer>:<what>[:<variant>][#<position>]`, e.g. `path/integrationId:maxLength:4-byte`,
 * `path/id:char:.#last`, `body/syncedEntityId:type:array-of-valid`, `headers/x-api-key:name:x-api-key`.
 */
import type { OperationContract } from '../validators/index.js';
import { bodyEdges, type EdgeBody } from './_internals/edges/body-values.js';
import { edgeFixtures, type EdgeFixture } from './_internals/edges/fixtures.js';
import { baseHeaders, headerEdges, type EdgeHeaders } from './_internals/edges/header-values.js';
import { exampleOf } from './_internals/edges/json-values.js';
import { invalidPathEdgeValues, pathEdgeValues } from './_internals/edges/path-values.js';
import { modelOf, pathSite } from './_internals/model.js';
import type { HeaderCase, Intent, RawBody } from './types.js';
import { compiled } from './_internals/guard.js';

export type { EdgeBody, EdgeFixture, EdgeHeaders };

/**
 * Valid (decoded) edge values of a path parameter: boundary lengths in code points of 1- to 4-byte characters
 * (`minLength:2-byte`, `maxLength:4-byte`, `maxLength:every-char`), and each character the pattern lists or that
 * URL, form and path decoders treat specially (`+`, `%41`, `%`, `%2F`, `/`, `;`, `.`, `..`, `?`, `#`, space,
 * gen-delims, sub-delims, non-ASCII, astral) at the start, middle and end of one value where the schema allows, and
 * alone (`char:%2F#edges`, `char:%2F#alone`).
 * A value may appear under two classes (`é` is the 2-byte minimum and non-ASCII alone).
 */
export function edgePathValues(contract: OperationContract, paramName: string): Array<{ value: string; edgeClass: string }> {
  return pathEdgeValues(pathSite(modelOf(contract), paramName)).map(({ value, edgeClass }) => ({ value, edgeClass }));
}

/**
 * Invalid (decoded) edge values of a path parameter: one code point over the maximum length, and each character
 * decoders treat specially that the schema forbids, first (`path/id:forbidden-char:space`); each with its intent.
 */
export function edgeInvalidPathValues(contract: OperationContract, paramName: string): Array<{ value: string; edgeClass: string; expect: Intent }> {
  const site = pathSite(modelOf(contract), paramName);
  return invalidPathEdgeValues(site).map(({ value, edgeClass, keyword }) => ({ value, edgeClass, expect: { intent: 'invalid', breaks: { part: 'path', pointer: site.pointer, keyword } } }));
}

/**
 * (customer, integration) pairs to create as existing data (the first two path parameters, in template order), so
 * that every valid path edge value addresses a real record: the resource parameter's values each on a customer of its
 * own, the customer parameter's values each holding the anchor integration. `edgeClass` names the value's classes.
 */
export function edgeFixtureIds(contract: OperationContract): EdgeFixture[] {
  const [customer, integration] = modelOf(contract).pathParams;
  if (!customer || !integration) return [];
  return edgeFixtures(pathEdgeValues(customer), pathEdgeValues(integration), compiled(customer.schema));
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
