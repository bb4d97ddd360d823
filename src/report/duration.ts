/** Durations as a person writes them (and as duration flags read them back): `2h`, `10m`, `90s`, `1500ms`. */

/** A duration in ms in the largest whole unit: `10m`, `90s`, `1500ms`. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
