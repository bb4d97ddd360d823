/**
 * The rules for a schema's changes, in either direction. A client sends requests and reads responses, so a change
 * that narrows what requests may be breaks clients, and so does one that widens what responses may be; the reverse
 * is information. Widening a response in what clients enumerate or check (enum values, oneOf shapes, patterns,
 * unknown fields) is a warning: strict clients break, tolerant ones do not. docs/diff.md explains each.
 */
import { v, type DiffRule } from './rule.js';

const REFUSED = 'requests clients send today may be refused';
const HANDLED = 'clients receive only what they already handle';
const ACCEPTS_MORE = 'the provider accepts everything it did, and more';

/** The schema rules, each with its verdict in both directions (property-forbidden: requests only). */
export const SCHEMA_RULES: readonly DiffRule[] = [
  { id: 'type-widened', summary: 'the type admits more (integer to number, a type removed)', request: v('info', ACCEPTS_MORE), response: v('breaking', 'clients receive a type they do not read (an integer parser given 1.5)') },
  { id: 'type-narrowed', summary: 'the type admits less (number to integer, a type set)', request: v('breaking', REFUSED), response: v('info', HANDLED) },
  { id: 'type-changed', summary: 'the type changed to another (string to array)', request: v('breaking', 'values of the old type are refused'), response: v('breaking', 'clients receive a type they do not read') },
  { id: 'became-nullable', summary: 'null is allowed now', request: v('info', 'null is accepted as well'), response: v('breaking', 'clients that read the value get null, which the contract said would not come') },
  { id: 'became-not-nullable', summary: 'null is no longer allowed', request: v('breaking', 'clients that send null (to clear a value, say) are refused'), response: v('info', 'clients no longer receive null; their handling of it is dead code') },
  { id: 'enum-value-added', summary: 'an enum gained values', request: v('info', 'one more value is accepted; clients need not send it'), response: v('warning', 'strict clients break: those that map the values exhaustively (a switch, a generated enum) fail on the new ones; tolerant clients do not') },
  { id: 'enum-value-removed', summary: 'an enum lost values', request: v('breaking', 'clients that send a removed value are refused'), response: v('info', 'clients no longer receive the removed values') },
  { id: 'enum-added', summary: 'a value is restricted to a list', request: v('breaking', 'values outside the list, accepted before, are refused'), response: v('info', HANDLED) },
  { id: 'enum-removed', summary: 'a value is no longer restricted to a list', request: v('info', ACCEPTS_MORE), response: v('warning', 'clients that map the old values exhaustively may receive others') },
  { id: 'required-added', summary: 'a property became required', request: v('breaking', 'clients that omit it are refused'), response: v('info', 'clients always receive it now') },
  { id: 'required-removed', summary: 'a property became optional', request: v('info', 'clients may omit it now'), response: v('breaking', 'clients that read it may find it absent') },
  { id: 'required-property-added', summary: 'a new required property', request: v('breaking', 'clients do not send the new property, so their requests are refused'), response: v('info', 'a new property clients can ignore') },
  { id: 'optional-property-added', summary: 'a new optional property', request: v('info', 'clients that do not send it are unaffected'), response: v('info', 'clients ignore properties they do not know') },
  { id: 'required-property-removed', summary: 'a required property was removed', request: v('warning', 'the provider no longer documents what clients send: it may ignore it (their intent is lost) or refuse it'), response: v('breaking', 'clients read a property that no longer comes') },
  { id: 'optional-property-removed', summary: 'an optional property was removed', request: v('warning', 'the provider no longer documents what clients may send: it may ignore it (their intent is lost) or refuse it'), response: v('warning', 'clients that use the property when present never get it') },
  { id: 'property-forbidden', summary: 'a property was removed from an object that forbids unlisted ones', request: v('breaking', 'clients that still send the property are refused') },
  { id: 'additional-properties-forbidden', summary: 'unlisted properties are forbidden now', request: v('breaking', 'clients that send properties the schema does not list are refused'), response: v('info', 'clients receive only listed properties') },
  { id: 'additional-properties-allowed', summary: 'unlisted properties are allowed now', request: v('info', ACCEPTS_MORE), response: v('warning', 'clients that validate responses closed (no unknown properties) fail; tolerant clients do not') },
  { id: 'length-narrowed', summary: 'minLength raised or set, maxLength lowered or set', request: v('breaking', 'strings of lengths accepted before are refused'), response: v('info', HANDLED) },
  { id: 'length-widened', summary: 'minLength lowered or removed, maxLength raised or removed', request: v('info', ACCEPTS_MORE), response: v('breaking', 'clients that size storage or checks by the documented lengths receive strings outside them') },
  { id: 'range-narrowed', summary: 'a numeric bound tightened or set (minimum, maximum, exclusive, multipleOf)', request: v('breaking', 'numbers accepted before are refused'), response: v('info', HANDLED) },
  { id: 'range-widened', summary: 'a numeric bound loosened or removed', request: v('info', ACCEPTS_MORE), response: v('breaking', 'clients receive numbers outside the range they were promised') },
  { id: 'range-changed', summary: 'multipleOf changed to a step neither side divides', request: v('breaking', 'numbers accepted before are refused'), response: v('breaking', 'clients receive numbers off the step they were promised') },
  { id: 'size-narrowed', summary: 'minItems/minProperties raised, maxItems/maxProperties lowered, or uniqueItems set', request: v('breaking', 'arrays or objects accepted before are refused'), response: v('info', HANDLED) },
  { id: 'size-widened', summary: 'an item or property count bound loosened, or uniqueItems unset', request: v('info', ACCEPTS_MORE), response: v('breaking', 'clients receive arrays or objects outside the sizes they were promised') },
  { id: 'pattern-added', summary: 'a string must now match a pattern', request: v('breaking', 'strings that do not match are refused'), response: v('info', HANDLED) },
  { id: 'pattern-removed', summary: 'a string no longer has to match a pattern', request: v('info', ACCEPTS_MORE), response: v('warning', 'clients that check the old pattern may receive strings that fail it; clients that pass the value through do not') },
  { id: 'pattern-changed', summary: 'a pattern changed', request: v('breaking', 'that the new pattern accepts every string the old one did cannot be shown, so some requests may be refused'), response: v('warning', 'clients that check the old pattern may receive strings that fail it; clients that pass the value through do not') },
  { id: 'format-added', summary: 'a string must now have a format', request: v('breaking', 'strings not in the format are refused'), response: v('info', HANDLED) },
  { id: 'format-removed', summary: 'a string no longer has to have a format', request: v('info', ACCEPTS_MORE), response: v('warning', 'clients that parse the old format may receive strings that are not in it') },
  { id: 'format-changed', summary: 'a format changed', request: v('breaking', 'strings in the old format are refused'), response: v('warning', 'clients that parse the old format receive strings in another') },
  { id: 'branch-added', summary: 'a oneOf/anyOf gained a branch', request: v('info', 'one more shape is accepted'), response: v('warning', 'clients that handle the shapes exhaustively fail on the new one; tolerant clients do not') },
  { id: 'branch-removed', summary: 'a oneOf/anyOf lost a branch', request: v('breaking', 'clients that send that shape are refused'), response: v('info', 'clients no longer receive that shape') },
  { id: 'composition-widened', summary: 'oneOf became anyOf: a value may match several branches', request: v('info', 'values matching several branches are accepted as well'), response: v('warning', 'clients that decode by the one matching branch may receive values matching several') },
  { id: 'composition-narrowed', summary: 'anyOf became oneOf: a value must match exactly one branch', request: v('breaking', 'values matching several branches are refused'), response: v('info', HANDLED) },
  { id: 'all-of-part-added', summary: 'an allOf gained a part', request: v('breaking', 'values must satisfy one more schema'), response: v('info', HANDLED) },
  { id: 'all-of-part-removed', summary: 'an allOf lost a part', request: v('info', ACCEPTS_MORE), response: v('breaking', 'clients lose what the removed part promised (its properties, its bounds)') },
  { id: 'default-changed', summary: 'a default value changed, was set or removed', request: v('warning', 'clients that omit the value get another behaviour than before'), response: v('info', 'a default in a response changes nothing clients receive') },
];
