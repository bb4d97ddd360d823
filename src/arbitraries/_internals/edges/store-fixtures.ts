/**
 * The store layer's fixtures, and the type-coercion layer's ids: records a lookup must tell apart, set up side by
 * side, and absent neighbours of existing ids, so that a lookup that is not an exact string comparison answers with
 * the wrong record or finds one that is not there. Absent ones are made absent through provider states ("no
 * customer", "a customer without the integration") before the records they neighbour are set up.
 */
import type { Site } from '../model.js';
import { compiled } from '../guard.js';
import { naughtyStringsOf, representativeNaughtyStrings } from './corpus.js';
import type { CustomerPool, EdgeFixture } from './fixture.js';
import { neighboursOf } from './neighbours.js';
import { runtimeNames } from './runtime-names.js';

/** What the store fixtures are built from. */
export interface StoreInputs {
  readonly customerSite: Site;
  readonly integrationSite: Site;
  readonly anchorIntegration: string;
  readonly pool: CustomerPool;
  /** Customers existing so far; the ones this module sets up are added. */
  readonly taken: Set<string>;
}

/** Ids with letters of both cases, a digit and room for wildcards; then ids normalisation changes (NFC, NFD, NFKC). */
const BASE_IDS = ['aBc9', 'abc9', 'a9'];
const NORMALISATION_BASES = ['Caf\u00e9', 'Cafe\u0301', 'a\ufb01c9'];

/** A string that code may read as a number, a boolean or null (`01000`, `1E2`, `0x0`, `NaN`, `true`, `null`). */
function looksNumeric(text: string): boolean {
  if (text.trim() === '') return false;
  if (!Number.isNaN(Number(text)) || /^[+-]?(nan|inf|infinity)$/i.test(text)) return true;
  try {
    return typeof JSON.parse(text) !== 'string';
  } catch {
    return false;
  }
}

/** A number-looking id's canonical form as a coercing store keeps it (`01000` → `1000`), when it differs. */
const canonical = (text: string): string | undefined => {
  const number = Number(text);
  return Number.isFinite(number) && String(number) !== text ? String(number) : undefined;
};

const slug = (section: string): string => section.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

type Absent = { value: string; edgeClass: string; kind: string };

/** The side-by-side twin customers and the absent neighbours of their base: a mix-up only shows with all of them. */
const TWINS_UNIT = 'store:customer-twins';
/** The number-looking customers and their absent canonical forms (`01000` and `1000`): a coercion shows with both. */
const NUMBERS_UNIT = 'store:numeric-customers';

/** The naughty strings `accepts` takes, as absent ids named by section and index (`path/id:corpus:numeric-strings#3`). */
function corpusEntries(label: string, accepts: (value: string) => boolean): Absent[] {
  const counts = new Map<string, number>();
  return representativeNaughtyStrings().filter(({ text }) => text !== '' && accepts(text)).map(({ text, section }) => {
    const index = counts.get(section) ?? 0;
    counts.set(section, index + 1);
    return { value: text, edgeClass: `${label}:corpus:${slug(section)}#${index}`, kind: 'store/corpus-ids' };
  });
}

/** Absent integrations on one customer of its own: the first made true by a state, the others follow from it. */
function absentOn(customerId: string, absent: readonly Absent[]): EdgeFixture[] {
  return absent.map(({ value, edgeClass, kind }, index) => ({ customerId, integrationId: value, edgeClass, kind, presence: 'no-integration', setUp: index === 0 }));
}

/** Integration-level fixtures: each base id with its absent neighbours on a customer of its own, runtime names, numbers, the corpus. */
function integrationFixtures(inputs: StoreInputs): EdgeFixture[] {
  const accepts = compiled(inputs.integrationSite.schema);
  const label = `path${inputs.integrationSite.pointer}`;
  const out: EdgeFixture[] = [];
  const ascii = BASE_IDS.find(accepts);
  for (const base of [...(ascii ? [ascii] : []), ...NORMALISATION_BASES.filter(accepts)]) {
    const customer = inputs.pool();
    const near = neighboursOf(base, accepts).filter((n) => base === ascii || n.kind === 'store/normalization-neighbours');
    out.push(...absentOn(customer, near.map((n) => ({ value: n.value, edgeClass: `${label}:neighbour:${n.name}#${base}`, kind: n.kind }))));
    out.push({ customerId: customer, integrationId: base, edgeClass: `${label}:neighbour-base#${base}`, kind: near[0]?.kind ?? 'store/case-neighbours', presence: 'existing', setUp: true });
  }
  const names = runtimeNames().filter(accepts);
  out.push(...names.map((name): EdgeFixture => ({ customerId: inputs.pool(), integrationId: name, edgeClass: `${label}:runtime-name:${name}`, kind: 'store/runtime-names', presence: 'existing', setUp: true })));
  out.push(...absentOn(inputs.pool(), names.map((name) => ({ value: name, edgeClass: `${label}:runtime-name:${name}#absent`, kind: 'store/runtime-names' }))));
  for (const { text } of naughtyStringsOf('Numeric Strings', 'Reserved Strings').filter(({ text }) => looksNumeric(text) && accepts(text))) {
    const customer = inputs.pool();
    const coerced = canonical(text);
    if (coerced !== undefined && accepts(coerced)) out.push(...absentOn(customer, [{ value: coerced, edgeClass: `${label}:numeric:${text}#canonical`, kind: 'coercion/numeric-ids' }]));
    out.push({ customerId: customer, integrationId: text, edgeClass: `${label}:numeric:${text}`, kind: 'coercion/numeric-ids', presence: 'existing', setUp: true });
  }
  for (const record of ['coercion', 'serializer'] as const) {
    const id = `record-${record}`;
    if (accepts(id)) out.push({ customerId: inputs.pool(), integrationId: id, edgeClass: `${label}:record:${record}`, kind: `${record}/record-values`, presence: 'existing', setUp: true, record });
  }
  out.push(...absentOn(inputs.pool(), corpusEntries(label, accepts)));
  // Every one of them sits on a customer of its own, drawn from the pool.
  return out.map((fixture) => ({ ...fixture, own: true }));
}

/** Customer-level fixtures: side-by-side twins of a base customer, runtime names and numbers as customers, then the absent ones. */
function customerFixtures(inputs: StoreInputs): EdgeFixture[] {
  const accepts = compiled(inputs.customerSite.schema);
  const label = `path${inputs.customerSite.pointer}`;
  const holds = (customerId: string, edgeClass: string, kind: string, group?: string, unit?: string): EdgeFixture =>
    ({ customerId, integrationId: inputs.anchorIntegration, edgeClass, kind, presence: 'existing', setUp: true, ...(group === undefined ? {} : { group }), ...(unit === undefined ? {} : { unit }) });
  const free = (value: string): boolean => accepts(value) && !inputs.taken.has(value);
  const existing: EdgeFixture[] = [];
  const take = (fixture: EdgeFixture): void => void (inputs.taken.add(fixture.customerId), existing.push(fixture));
  const base = BASE_IDS.find(free);
  const twins = base === undefined ? [] : neighboursOf(base, free).filter((n) => ['upper-case', 'trailing-dot', 'like-underscore'].includes(n.name));
  if (base !== undefined) [{ value: base, name: 'base' }, ...twins].forEach(({ value, name }) => take(holds(value, `${label}:twin:${name}`, 'store/side-by-side-twins', 'twins', TWINS_UNIT)));
  const names = runtimeNames().filter(free);
  names.filter((_, index) => index % 2 === 0).forEach((name) => take(holds(name, `${label}:runtime-name:${name}`, 'store/runtime-names')));
  const numbers = naughtyStringsOf('Numeric Strings', 'Reserved Strings').map(({ text }) => text).filter((text) => looksNumeric(text) && free(text));
  numbers.forEach((text) => take(holds(text, `${label}:numeric:${text}`, 'coercion/numeric-ids', undefined, NUMBERS_UNIT)));
  // Absent customers are chosen once every existing one is known: none of them may be set up.
  const absent: Array<Absent & { unit?: string }> = [
    ...(base === undefined ? [] : neighboursOf(base, free).map((n) => ({ value: n.value, edgeClass: `${label}:neighbour:${n.name}#${base}`, kind: n.kind, unit: TWINS_UNIT }))),
    ...names.filter((_, index) => index % 2 === 1).filter(free).map((name) => ({ value: name, edgeClass: `${label}:runtime-name:${name}#absent`, kind: 'store/runtime-names' })),
    ...numbers.flatMap((text) => (canonical(text) === undefined ? [] : [{ value: canonical(text) ?? '', edgeClass: `${label}:numeric:${text}#canonical`, kind: 'coercion/numeric-ids', unit: NUMBERS_UNIT }])).filter((a) => free(a.value)),
    ...corpusEntries(label, free),
  ];
  const seen = new Set<string>();
  const gone = absent.filter((a) => !seen.has(a.value) && Boolean(seen.add(a.value)))
    .map(({ value, edgeClass, kind, unit }): EdgeFixture => ({ customerId: value, integrationId: inputs.anchorIntegration, edgeClass, kind, presence: 'no-customer', setUp: true, ...(unit === undefined ? {} : { unit }) }));
  // Customers of their own drawn later must not be one of these.
  for (const fixture of gone) inputs.taken.add(fixture.customerId);
  return [...gone, ...existing];
}

/** The store fixtures in the order to set them up: each absent fixture before the records it neighbours. */
export function storeFixtures(inputs: StoreInputs): EdgeFixture[] {
  const customers = customerFixtures(inputs);
  return [...customers, ...integrationFixtures(inputs)];
}
