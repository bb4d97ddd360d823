/**
 * Wrong API keys made from the real one, written without it: shell parameter expansions of `$STIGG_API_KEY`
 * (`${STIGG_API_KEY^^}` is the key in upper case, `${STIGG_API_KEY%?}` the key without its last character). Cases
 * carry the expression, the runner fills the key in at send time, and a curl reproducer pastes the expression into
 * bash, which computes the same key again: the real key is never written anywhere.
 */
import { API_KEY_ENV, API_KEY_PLACEHOLDER } from '../secrets.js';

/** The operators of bash's `${STIGG_API_KEY<op>}` the expressions use, and what each makes of the key. */
const OPERATORS: Readonly<Record<string, (key: string) => string>> = {
  '': (key) => key,
  '^^': (key) => key.toUpperCase(),
  ',,': (key) => key.toLowerCase(),
  '%?': (key) => [...key].slice(0, -1).join(''),
  '#?': (key) => [...key].slice(1).join(''),
};

/**
 * Every key expression in a text: `${STIGG_API_KEY<op>}`, or the placeholder `$STIGG_API_KEY` whatever follows it
 * (`$STIGG_API_KEY0` is the key and a `0`: reproducers add the braces the shell needs there).
 */
export const KEY_EXPRESSION = new RegExp(`\\$\\{${API_KEY_ENV}(\\^\\^|,,|%\\?|#\\?)?\\}|\\$${API_KEY_ENV}`, 'g');

const expansion = (operator: string): string => `\${${API_KEY_ENV}${operator}}`;

/** The text with each key expression replaced by what it makes of `key`. */
export function fillKey(template: string, key: string): string {
  return template.replace(KEY_EXPRESSION, (_, operator: string | undefined) => (OPERATORS[operator ?? ''] ?? OPERATORS[''] ?? String)(key));
}

/** A wrong key near the real one: its name in edge classes and its expression. */
export interface NearMissKey {
  readonly name: string;
  readonly expression: string;
}

/**
 * Keys near the real one that must all be refused like every other wrong key: another letter case (a case-insensitive
 * comparison), a no-break space at either end (JavaScript's and Python's trim remove it; HTTP does not, unlike the
 * spaces and tabs it strips from every field value, which are therefore no near miss), a prefix and a suffix one
 * character short (a `startsWith`/`includes` comparison), the last character changed, one more character, and the
 * key twice in one header (a list-splitting parser takes the first).
 */
export const NEAR_MISS_KEYS: readonly NearMissKey[] = [
  { name: 'upper-case', expression: expansion('^^') },
  { name: 'lower-case', expression: expansion(',,') },
  { name: 'nbsp-before', expression: `\u00a0${API_KEY_PLACEHOLDER}` },
  { name: 'nbsp-after', expression: `${API_KEY_PLACEHOLDER}\u00a0` },
  { name: 'prefix', expression: expansion('%?') },
  { name: 'suffix', expression: expansion('#?') },
  { name: 'last-changed', expression: `${expansion('%?')}~` },
  { name: 'plus-one', expression: `${API_KEY_PLACEHOLDER}0` },
  { name: 'twice', expression: `${API_KEY_PLACEHOLDER},${API_KEY_PLACEHOLDER}` },
];
