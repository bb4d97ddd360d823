/**
 * Names a runtime treats specially, read from the runtime itself and from the naughty-string list: every member of
 * JavaScript's base object and of its functions (`constructor`, `__proto__`, `toString`, `hasOwnProperty`,
 * `valueOf`, `prototype`, `call`...), which a store keyed by a plain object finds without their ever being set, and
 * the list's reserved words (`undefined`, `null`, `None`, `nil`, `true`...), which code confuses with its own.
 */
import { naughtyStringsOf } from './corpus.js';

// Sorted: engines list built-in members in their own order, and the systematic phase must be the same list everywhere.
const memberNames = (prototype: object): string[] => Object.getOwnPropertyNames(prototype).sort();

let names: readonly string[] | undefined;

/** The names, members of the base object first, each once, in a fixed order. */
export function runtimeNames(): readonly string[] {
  names ??= Object.freeze([...new Set([
    ...memberNames(Object.prototype),
    ...memberNames(Function.prototype),
    ...naughtyStringsOf('Reserved Strings').map((entry) => entry.text),
  ])].filter((name) => name !== ''));
  return names;
}
