const BRAND = Symbol.for('stigg-contract.HarnessError');

/** The error's cause, as `new Error(message, { cause })` takes it (spelled out: consumers' `lib` may predate ES2022). */
export interface CauseOptions {
  readonly cause?: unknown;
}

/** Harness problems (not contract violations, which are data): each means "the run could not be done", exit 2. */
export class HarnessError extends Error {
  override readonly name: string = 'HarnessError';
  readonly exitCode = 2;
  readonly [BRAND] = true;
}

/**
 * True for a HarnessError from any copy of this module: a loader may instantiate a module twice (a TypeScript loader
 * serving one graph through require and a lazily imported command through import), and instanceof would then say no.
 */
export function isHarnessError(value: unknown): value is HarnessError {
  return value instanceof Error && (value as unknown as Record<symbol, unknown>)[BRAND] === true;
}

/** The contract file is missing, unreadable, not YAML/JSON, not OpenAPI 3.0, or lacks the operation asked for. */
export class ContractLoadError extends HarnessError {
  override readonly name = 'ContractLoadError';
  constructor(message: string, readonly file?: string, options?: CauseOptions) {
    super(message, options);
  }
}

/** Flags, environment or input files that cannot be used as given. */
export class ConfigurationError extends HarnessError {
  override readonly name = 'ConfigurationError';
}

/**
 * A server the harness must talk to (provider, broker, state URL) could not be reached, or refused what it was asked:
 * then `status` is its answer's HTTP status.
 */
export class TransportError extends HarnessError {
  override readonly name = 'TransportError';
  readonly status: number | undefined;
  constructor(message: string, readonly url: string, options?: CauseOptions & { readonly status?: number }) {
    super(message, options);
    this.status = options?.status;
  }
}
