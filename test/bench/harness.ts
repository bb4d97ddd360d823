/** A tiny benchmark harness: each *.bench.ts exports `bench`, which records named measurements into one report. */
export interface Measurement {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

/** What a benchmark module receives: somewhere to record numbers, and helpers to take them. */
export interface BenchContext {
  record(measurement: Measurement): void;
  /** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns operations per second. */
  throughput(fn: () => unknown, ms?: number): number;
  /** Heap used, in MiB, after a forced GC (run with --expose-gc). */
  heapMiB(): number;
}

export type BenchModule = (context: BenchContext) => Promise<void>;

/** Builds the shared context; measurements land in `sink`. */
export function createContext(sink: Measurement[]): BenchContext {
  return {
    record: (measurement) => void sink.push(measurement),
    throughput(fn, ms = 1000) {
      const warmUntil = performance.now() + Math.min(200, ms / 5);
      while (performance.now() < warmUntil) fn();
      let operations = 0;
      const start = performance.now();
      let now = start;
      while (now - start < ms) {
        for (let i = 0; i < 100; i++) fn();
        operations += 100;
        now = performance.now();
      }
      return (operations * 1000) / (now - start);
    },
    heapMiB() {
      (globalThis as { gc?: () => void }).gc?.();
      return process.memoryUsage().heapUsed / 2 ** 20;
    },
  };
}
