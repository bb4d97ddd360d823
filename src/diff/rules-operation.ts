/** The rules for an operation's own changes: parameters, body, statuses, media types, headers, security. */
import { v, type DiffRule } from './rule.js';

const IGNORED_OR_REFUSED = 'clients that send it are no longer understood: a provider may ignore it (their intent is lost) or refuse it';

/** The operation's own rules, each in the one direction its part flows. */
export const OPERATION_RULES: readonly DiffRule[] = [
  { id: 'operation-added', summary: 'the operation is new', request: v('info', 'nothing existing depends on it') },
  { id: 'operation-removed', summary: 'the operation is gone', request: v('breaking', 'every call clients make is refused') },
  { id: 'path-changed', summary: 'the operation (same operationId) moved to another path', request: v('breaking', 'clients call the old path') },
  { id: 'method-changed', summary: 'the operation (same operationId) takes another method', request: v('breaking', 'clients use the old method') },
  { id: 'required-parameter-added', summary: 'a new required parameter', request: v('breaking', 'clients do not send it, so their requests are refused') },
  { id: 'optional-parameter-added', summary: 'a new optional parameter', request: v('info', 'clients that do not send it are unaffected') },
  { id: 'parameter-removed', summary: 'a parameter was removed', request: v('warning', IGNORED_OR_REFUSED) },
  { id: 'parameter-became-required', summary: 'a parameter became required', request: v('breaking', 'clients that omit it are refused') },
  { id: 'parameter-became-optional', summary: 'a parameter became optional', request: v('info', 'clients may omit it now') },
  { id: 'required-request-body-added', summary: 'the operation takes a required body now', request: v('breaking', 'clients send no body, so their requests are refused') },
  { id: 'optional-request-body-added', summary: 'the operation takes an optional body now', request: v('info', 'clients that send none are unaffected') },
  { id: 'request-body-removed', summary: 'the operation takes no body any more', request: v('warning', IGNORED_OR_REFUSED) },
  { id: 'request-body-became-required', summary: 'the request body became required', request: v('breaking', 'clients that send none are refused') },
  { id: 'request-body-became-optional', summary: 'the request body became optional', request: v('info', 'clients may omit it now') },
  { id: 'request-media-type-changed', summary: 'the request body\'s JSON media type changed', request: v('breaking', 'clients send the old media type, which the provider no longer documents (415)') },
  { id: 'success-status-added', summary: 'a new 1xx-3xx status', response: v('warning', 'clients that handle only the documented success statuses may take the new one for a failure') },
  { id: 'error-status-added', summary: 'a new 4xx/5xx status', response: v('info', 'HTTP clients already read an unknown status as the x00 of its class (RFC 9110, section 15); documenting it tells them more') },
  { id: 'success-status-removed', summary: 'a 1xx-3xx status is no longer documented', response: v('breaking', 'clients that wait for that answer no longer get it') },
  { id: 'error-status-removed', summary: 'a 4xx/5xx status is no longer documented', response: v('info', 'clients no longer receive it; their handling of it is dead code') },
  { id: 'response-media-type-changed', summary: 'a response\'s JSON media type changed', response: v('breaking', 'clients that parse or check the media type receive one they do not know') },
  { id: 'response-body-added', summary: 'a response documents a body now', response: v('info', 'clients that ignored the empty body are unaffected') },
  { id: 'response-body-removed', summary: 'a response documents no body any more', response: v('breaking', 'clients that read the body receive none') },
  { id: 'response-header-added', summary: 'a response documents a new header', response: v('info', 'clients that do not read it are unaffected') },
  { id: 'required-response-header-removed', summary: 'a required response header was removed', response: v('breaking', 'clients that read it may not find it') },
  { id: 'optional-response-header-removed', summary: 'an optional response header was removed', response: v('warning', 'clients that use it when present never get it') },
  { id: 'response-header-became-optional', summary: 'a response header became optional', response: v('breaking', 'clients that read it may not find it') },
  { id: 'response-header-became-required', summary: 'a response header became required', response: v('info', 'clients always receive it now') },
  { id: 'security-added', summary: 'credentials are required where none were', request: v('breaking', 'clients that send no credentials are refused') },
  { id: 'security-removed', summary: 'credentials are no longer required', request: v('info', 'the credentials clients send are not needed any more') },
  { id: 'security-alternative-added', summary: 'one more way to authenticate', request: v('info', 'the way clients authenticate still works') },
  { id: 'security-alternative-removed', summary: 'a way to authenticate was removed (an API-key header renamed, say)', request: v('breaking', 'clients that authenticate that way are refused') },
];
