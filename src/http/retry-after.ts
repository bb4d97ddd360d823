/**
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date (IMF-fixdate, or the two obsolete forms recipients
 * must accept, §5.6.7). The one reader the client, the checks and every retry loop share: anything else (an ISO
 * timestamp, a negative number, words) is malformed.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// IMF-fixdate (the preferred form), then the two obsolete forms recipients must accept (RFC 9110 §5.6.7).
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

function utc(year: number, month: string, day: string, hh: string, mm: string, ss: string): number | undefined {
  const [d, h, m, s] = [day, hh, mm, ss].map((part) => Number(part.trim())) as [number, number, number, number];
  if (d < 1 || d > 31 || h > 23 || m > 59 || s > 60) return undefined;
  const time = Date.UTC(year, MONTHS.indexOf(month), d, h, m, Math.min(s, 59));
  return new Date(time).getUTCDate() === d ? time : undefined;
}

/** Parses an HTTP-date into epoch milliseconds, or undefined when it is not one. */
export function parseHttpDate(value: string): number | undefined {
  let found = IMF_FIXDATE.exec(value);
  if (found) return utc(Number(found[4]), found[3] ?? '', found[2] ?? '', found[5] ?? '', found[6] ?? '', found[7] ?? '');
  found = RFC_850.exec(value);
  if (found) {
    // Two-digit years (RFC 9110 §5.6.7 leaves the century to the recipient): 70-99 → 19xx, else 20xx, as POSIX does.
    const yy = Number(found[4]);
    const year = yy >= 70 ? 1900 + yy : 2000 + yy;
    return utc(year, found[3] ?? '', found[2] ?? '', found[5] ?? '', found[6] ?? '', found[7] ?? '');
  }
  found = ASCTIME.exec(value);
  if (found) return utc(Number(found[7]), found[2] ?? '', found[3] ?? '', found[4] ?? '', found[5] ?? '', found[6] ?? '');
  return undefined;
}

/** The wait a `Retry-After` value asks for, in ms from `now` (never negative), or undefined when it is malformed. */
export function parseRetryAfter(value: string, now: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = parseHttpDate(trimmed);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/** The wait a Retry-After header asks for, in ms (a repeated header: its first value); undefined when absent or malformed. */
export function retryAfterMs(header: string | readonly string[] | undefined, now: number = Date.now()): number | undefined {
  const value = typeof header === 'string' ? header : header?.[0];
  return value === undefined ? undefined : parseRetryAfter(value, now);
}

/** Reads a Retry-After header as whole seconds to wait (rounded up); undefined when absent or malformed. */
export function retryAfterSeconds(header: string | readonly string[] | undefined, now: number = Date.now()): number | undefined {
  const ms = retryAfterMs(header, now);
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}
