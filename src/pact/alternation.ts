/**
 * Enum matchers as regexes: an anchored alternation of the members, valid in ECMAScript and in Rust (the Pact core's
 * engine), and how a message quoting one reads. Apart from matchers.ts, which loads pact-js: the verifier's parent
 * process words its results without it.
 */

// Characters special in both ECMAScript (u flag) and Rust regexes: escaping only these keeps the regex valid in both.
export const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** An anchored regex matching exactly the given strings. */
export const alternation = (members: readonly string[]): string => `^(?:${members.map(escapeRegex).join('|')})$`;

/** The literal members of a regex that is an anchored alternation (`^(?:A|B)$`), else []. */
export function alternationMembers(source: string): string[] {
  const inner = /^\^\((?:\?:)?(.*)\)\$$/s.exec(source)?.[1] ?? /^\^(.*)\$$/s.exec(source)?.[1];
  if (inner === undefined) return [];
  const members = inner.split(/(?<!\\)\|/);
  if (members.some((member) => /(?<!\\)[()[\]{}*+?^$.]/.test(member))) return [];
  return members.map((member) => member.replace(/\\(.)/g, '$1'));
}

/** An `alternation` regex of this many members or more is named by its count in messages (an enum of 133 codes is 4 kB). */
const LONG_ALTERNATION = 8;
const QUOTED_ALTERNATION = /(['"`/]?)\^\(\?:((?:[^|()\\]|\\.)+(?:\|(?:[^|()\\]|\\.)+)+)\)\$\1/g;

/** A message quoting a long `alternation` regex (a pact mismatch on an enum), with the regex as `one of N documented values`. */
export function describeAlternations(message: string): string {
  return message.replace(QUOTED_ALTERNATION, (whole, _quote: string, members: string) => {
    const count = alternationMembers(`^(?:${members})$`).length;
    return count < LONG_ALTERNATION ? whole : `one of ${count} documented values`;
  });
}
