/**
 * Near neighbours of an id: values a lookup that is not an exact string comparison confuses with it. Each is named
 * and tagged with the store kind it probes: another letter case (case-insensitive collations, `toLowerCase()` keys),
 * another Unicode normalisation form (stores that normalise), a space or dot at an end (padded or trimmed
 * comparisons), wildcards (SQL `LIKE`'s `_` and `%`, glob's `*`, `?` and `[]`, a regular expression's `.` and `|`),
 * and the id one character short or long (prefix and substring matches).
 */

/** A value near an id, what makes it near, and its catalogue kind. */
export interface Neighbour {
  readonly value: string;
  readonly name: string;
  readonly kind: string;
}

const swapCase = (text: string): string => [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

/** Another character in the middle (the second code point), or at the end for a short id. */
function replaced(text: string, by: string): string {
  const points = [...text];
  const at = points.length > 2 ? 1 : points.length - 1;
  return [...points.slice(0, at), by, ...points.slice(at + 1)].join('');
}

/** The candidates, in a fixed order; callers keep the ones the schema allows and no other record holds. */
function candidates(id: string): Neighbour[] {
  const points = [...id];
  const last = points.at(-1) ?? '';
  const prefix = points.slice(0, -1).join('');
  const list: Array<[string, string, string]> = [
    ['upper-case', id.toUpperCase(), 'store/case-neighbours'],
    ['lower-case', id.toLowerCase(), 'store/case-neighbours'],
    ['swapped-case', swapCase(id), 'store/case-neighbours'],
    ...(['NFC', 'NFD', 'NFKC', 'NFKD'] as const).map((form): [string, string, string] => [form.toLowerCase(), id.normalize(form), 'store/normalization-neighbours']),
    ['trailing-space', `${id} `, 'store/trailing-neighbours'],
    ['leading-space', ` ${id}`, 'store/trailing-neighbours'],
    ['trailing-dot', `${id}.`, 'store/trailing-neighbours'],
    ['like-underscore', replaced(id, '_'), 'store/wildcard-neighbours'],
    ['like-percent', `${prefix}%`, 'store/wildcard-neighbours'],
    ['glob-star', `${prefix}*`, 'store/wildcard-neighbours'],
    ['glob-question', replaced(id, '?'), 'store/wildcard-neighbours'],
    ['bracket-class', `[${points[0] ?? ''}]${points.slice(1).join('')}`, 'store/wildcard-neighbours'],
    ['regex-dot', replaced(id, '.'), 'store/wildcard-neighbours'],
    ['regex-alternation', `${id}|${last}${last}`, 'store/wildcard-neighbours'],
    ['prefix', prefix, 'store/prefix-neighbours'],
    ['extension', `${id}${last}`, 'store/prefix-neighbours'],
  ];
  return list.map(([name, value, kind]) => ({ name, value, kind }));
}

/**
 * The neighbours of `id` that `accepts` takes and `taken` does not hold, each once, never `id` itself: ids to address
 * as absent records, whose answer must be the documented "not found", whatever a lookup would match them to.
 */
export function neighboursOf(id: string, accepts: (value: string) => boolean, taken: ReadonlySet<string> = new Set()): Neighbour[] {
  const seen = new Set<string>([id]);
  return candidates(id).filter(({ value }) => value !== '' && !seen.has(value) && !taken.has(value) && accepts(value) && Boolean(seen.add(value)));
}
