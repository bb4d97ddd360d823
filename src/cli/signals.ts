/** Waiting for a long-running command (serve, mock) to be told to stop. */

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
