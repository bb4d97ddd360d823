/** `Retry-After` (RFC 9110 §10.2.3): delta-seconds or an HTTP-date; how long a runner must wait after a 429. */
import { headerOf, isTransportFailure } from './finding.js';
import type { Exchange } from './types.js';

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

/** How long to back off after this exchange, as its `Retry-After` says; undefined when there is no valid one. */
export function retryAfterMs(exchange: Pick<Exchange, 'response'>, now: number = Date.now()): number | undefined {
  const { response } = exchange;
  if (isTransportFailure(response)) return undefined;
  const value = headerOf(response, 'retry-after');
  return value === undefined ? undefined : parseRetryAfter(value, now);
}
