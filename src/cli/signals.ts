/** Waiting for a long-running command (serve, mock, verify) to be told to stop. */

/** Resolves with the name of the first SIGINT or SIGTERM, then stops listening for them. */
export function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
}

/**
 * Ctrl+C for a command that winds down before it ends: the first SIGINT or SIGTERM calls `first` (stop, clean up,
 * report), any later one `again` (end at once: a person pressing Ctrl+C twice means it). The returned function stops
 * listening (call it when the work ends).
 */
export function onStopSignals(first: (signal: NodeJS.Signals) => void, again: (signal: NodeJS.Signals) => void): () => void {
  let seen = 0;
  const handler = (signal: NodeJS.Signals): void => (seen++ === 0 ? first(signal) : again(signal));
  process.on('SIGINT', handler).on('SIGTERM', handler);
  return () => void process.off('SIGINT', handler).off('SIGTERM', handler);
}
