/** The normalised operation model: everything the rest of the harness knows about the contract comes from here. */

/** An OpenAPI 3.0 Schema Object, with `$ref`s already resolved (see dereference.ts). */
export type OasSchema = { readonly [keyword: string]: unknown };

/** A JSON Schema (draft-07, as Ajv reads it) translated from an OasSchema. */
export type JsonSchema = { [keyword: string]: unknown };

/** How to read the document: as written under the OpenAPI 3.0.3 text, or with its linted defects repaired. */
export type Reading = 'strict' | 'intent';

/** A schema as it stands in the document, with the JSON pointer of where it is written. */
export interface SchemaSite {
  readonly schema: OasSchema;
  /** JSON pointer into the document, at the Schema Object itself (after following `$ref`s). */
  readonly pointer: string;
}

/** Where a parameter travels. */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** A parameter of any location (the harness drives path and header parameters; see `harnessLimits`). */
export interface ParameterModel extends SchemaSite {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly description?: string;
}

/** The request body: its one JSON media type and schema. */
export interface RequestBodyModel extends SchemaSite {
  readonly required: boolean;
  readonly contentType: string;
}

/** A header a response documents. */
export interface ResponseHeaderModel extends SchemaSite {
  readonly name: string;
  readonly required: boolean;
}

/** One documented response status. */
export interface ResponseModel {
  readonly status: number;
  readonly description: string;
  /** Undefined when the response documents no body. */
  readonly body?: SchemaSite & { readonly contentType: string };
  /** The headers it documents (`headers`), in document order. */
  readonly headers: readonly ResponseHeaderModel[];
}

/** An API-key security scheme (the only kind this harness drives). */
export interface ApiKeySecurity {
  readonly schemeName: string;
  readonly in: 'header';
  readonly headerName: string;
}

/** One security scheme as a requirement names it, of any type (`apiKey`, `http`, `oauth2`, `openIdConnect`). */
export interface SecuritySchemeUse {
  readonly schemeName: string;
  readonly type: string;
  /** What identifies it on the wire: `header X-API-KEY`, `http bearer`, `oauth2 read write`... */
  readonly wire: string;
}

/** One security requirement: every scheme in it must be satisfied; an empty list means "no auth". */
export type SecurityRequirement = readonly SecuritySchemeUse[];

/** One operation of the document, normalised. */
export interface OperationModel {
  readonly method: string;
  readonly pathTemplate: string;
  readonly operationId?: string;
  readonly summary?: string;
  /** JSON pointer of the Operation Object. */
  readonly pointer: string;
  readonly pathParams: readonly ParameterModel[];
  readonly headerParams: readonly ParameterModel[];
  readonly queryParams: readonly ParameterModel[];
  readonly cookieParams: readonly ParameterModel[];
  readonly requestBody?: RequestBodyModel;
  readonly responses: readonly ResponseModel[];
  /** API-key schemes any one of which authorises the call; empty when the operation needs no auth. */
  readonly security: readonly ApiKeySecurity[];
  /** Every security requirement as written (any scheme type), any one of which authorises the call. */
  readonly securityRequirements: readonly SecurityRequirement[];
  /** JSON pointer of those requirements: the operation's `security`, else the document's. */
  readonly securityPointer: string;
}

/** An operation the contract layer could not model, and why (the others load regardless). */
export interface UnsupportedOperation {
  readonly method: string;
  readonly pathTemplate: string;
  readonly operationId?: string;
  readonly pointer: string;
  readonly reason: string;
}

/** A loaded, checked and dereferenced contract. */
export interface Contract {
  readonly file: string;
  readonly title: string;
  readonly version: string;
  readonly openapi: string;
  /** The document as parsed (with `$ref`s), for lint's JSON pointers. */
  readonly document: OasSchema;
  readonly operations: readonly OperationModel[];
  /** Operations that could not be modelled, each with its reason. */
  readonly unsupported: readonly UnsupportedOperation[];
}
