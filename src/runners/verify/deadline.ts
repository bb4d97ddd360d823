/**
 * One deadline for one piece of work that the run's interruption may cut short: a state change gets its own deadline,
 * and after Ctrl+C a set-up is abandoned at once while a teardown keeps a short while to finish.
 */

/** The work's value, or why it was given up. */
export type Deadlined<T> = { readonly value: T } | { readonly failed: string; readonly cause?: unknown };

/**
 * Runs `work` with a signal that aborts after `ms`, or `interruptedMs` after `interrupt` aborts (at once for 0),
 * whichever comes first. Resolves with its value, or with why it was given up (the deadline, the interruption, or
 * the work's own error): it never rejects.
 */
export async function withDeadline<T>(ms: number, interrupt: AbortSignal | undefined, interruptedMs: number, work: (signal: AbortSignal) => Promise<T>): Promise<Deadlined<T>> {
  const controller = new AbortController();
  let why = `no answer within ${ms} ms`;
  const expire = (after: number, reason: string): NodeJS.Timeout => setTimeout(() => {
    why = reason;
    controller.abort(new Error(reason));
  }, after);
  const cut = (): string => (interruptedMs > 0 ? `no answer within ${interruptedMs} ms of the interruption` : 'the run was interrupted');
  let timer = interrupt?.aborted ? expire(Math.min(ms, interruptedMs), interruptedMs < ms ? cut() : why) : expire(ms, why);
  const onInterrupt = (): void => {
    clearTimeout(timer);
    timer = expire(interruptedMs, cut());
  };
  if (interrupt?.aborted === false) interrupt.addEventListener('abort', onInterrupt, { once: true });
  try {
    return { value: await work(controller.signal) };
  } catch (error) {
    return { failed: controller.signal.aborted ? why : (error as Error).message, cause: error };
  } finally {
    clearTimeout(timer);
    interrupt?.removeEventListener('abort', onInterrupt);
  }
}
