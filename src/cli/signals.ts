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

/** Calls `stop` on the first SIGINT or SIGTERM; the returned function stops listening (call it when the work ends). */
export function onStopSignal(stop: (signal: NodeJS.Signals) => void): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    dispose();
    stop(signal);
  };
  const dispose = (): void => void process.off('SIGINT', handler).off('SIGTERM', handler);
  process.on('SIGINT', handler).on('SIGTERM', handler);
  return dispose;
}
