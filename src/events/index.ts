/** The events layer's public surface: run events between runners and their outputs. */
export { fanOut, type PactOutcome, type PhaseOutcome, type RunListener, type RunProblem, type RunStop } from './run-listener.js';
export type { ClientExchange, ReplySource } from './client-exchange.js';
export type { EpochStart, FailureReplay, ReplayStatus } from './campaign-events.js';
