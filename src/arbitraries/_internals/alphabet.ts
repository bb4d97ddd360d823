import fc from 'fast-check';

/** An inclusive range of Unicode scalar values (never a surrogate: those cannot travel as UTF-8). */
export interface Segment {
  readonly from: number;
  readonly to: number;
}

/** Code points in weighted groups, drawn with one 32-bit random number each (generation is the hot path). */
export interface Alphabet {
  readonly segments: readonly Segment[];
  draw(mrng: fc.Random): number;
  has(codePoint: number): boolean;
  /** For context-free shrinking: one arbitrary per segment, shrinking towards the segment's first code point. */
  readonly unit: fc.Arbitrary<number>;
}

/** A weighted group of segments; by default a group weighs the square root of its size. */
export interface Group {
  readonly segments: readonly Segment[];
  readonly weight?: number;
}

const SURROGATES: Segment = { from: 0xd800, to: 0xdfff };
const sizeOf = (segments: readonly Segment[]): number => segments.reduce((sum, s) => sum + s.to - s.from + 1, 0);

/** Removes the surrogate block from a segment, splitting it when needed. */
export function withoutSurrogates(segment: Segment): Segment[] {
  if (segment.to < SURROGATES.from || segment.from > SURROGATES.to) return [segment];
  const out: Segment[] = [];
  if (segment.from < SURROGATES.from) out.push({ from: segment.from, to: SURROGATES.from - 1 });
  if (segment.to > SURROGATES.to) out.push({ from: SURROGATES.to + 1, to: segment.to });
  return out;
}

/** Segments for the characters of a string, one per code point. */
export const charsOf = (text: string): Segment[] => [...text].map((char) => {
  const point = char.codePointAt(0) ?? 0;
  return { from: point, to: point };
});

/** The complement of some segments within all Unicode scalar values. */
export function complement(segments: readonly Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.from - b.from);
  const out: Segment[] = [];
  let next = 0;
  for (const { from, to } of sorted) {
    if (from > next) out.push({ from: next, to: from - 1 });
    next = Math.max(next, to + 1);
  }
  if (next <= 0x10ffff) out.push({ from: next, to: 0x10ffff });
  return out.flatMap(withoutSurrogates);
}

/** Builds an alphabet; `exclude`d code points are removed from every group, and groups left empty are dropped. */
export function alphabet(groups: readonly Group[], exclude: readonly Segment[] = []): Alphabet {
  const kept = groups
    .map((group) => ({ ...group, segments: group.segments.flatMap(withoutSurrogates).flatMap((s) => subtract(s, exclude)) }))
    .filter((group) => group.segments.length > 0);
  if (kept.length === 0) throw new Error('an alphabet needs at least one code point');
  const weights = kept.map((group) => group.weight ?? Math.sqrt(sizeOf(group.segments)));
  const total = weights.reduce((a, b) => a + b, 0);
  // 256 slots, each group at least one: the low byte of a draw picks the group, the rest picks inside it.
  const table: number[] = [];
  weights.forEach((weight, index) => {
    const slots = Math.max(1, Math.round((weight / total) * 256));
    for (let i = 0; i < slots; i++) table.push(index);
  });
  while (table.length < 256) table.push(table[table.length - 1] ?? 0);
  table.length = 256;
  const sizes = kept.map((group) => sizeOf(group.segments));
  const segments = kept.flatMap((group) => group.segments);
  const draw = (mrng: fc.Random): number => {
    const random = mrng.nextInt() >>> 0;
    const index = table[random & 255] ?? 0;
    const group = kept[index] as (typeof kept)[number];
    let offset = (random >>> 8) % (sizes[index] ?? 1);
    for (const segment of group.segments) {
      const width = segment.to - segment.from + 1;
      if (offset < width) return segment.from + offset;
      offset -= width;
    }
    return group.segments[0]?.from ?? 0x61;
  };
  const has = (point: number): boolean => segments.some((s) => s.from <= point && point <= s.to);
  const units = segments.map((s) => (s.from === s.to ? fc.constant(s.from) : fc.integer({ min: s.from, max: s.to })));
  const unit = units.length === 1 ? (units[0] as fc.Arbitrary<number>) : fc.oneof(...units);
  return { segments, draw, has, unit };
}

/** The parts of a segment outside every excluded segment. */
export function subtract(segment: Segment, excluded: readonly Segment[]): Segment[] {
  let parts: Segment[] = [segment];
  for (const cut of excluded) {
    parts = parts.flatMap((part) => {
      if (cut.to < part.from || cut.from > part.to) return [part];
      const out: Segment[] = [];
      if (part.from < cut.from) out.push({ from: part.from, to: cut.from - 1 });
      if (part.to > cut.to) out.push({ from: cut.to + 1, to: part.to });
      return out;
    });
  }
  return parts;
}
