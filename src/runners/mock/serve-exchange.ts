/** One exchange of the mock, end to end: read the request, decide, log the line, then reply. */
import { BAD_INPUT_STATUS, BAD_INPUT_CODE } from '../../checks/index.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { normaliseHeaders } from '../../http/headers.js';
import { decide, type MockContext } from './decide.js';
import { JSON_CONTENT_TYPE, readBody, writeReply } from './http-io.js';
import type { ConformanceLog } from './log-file.js';
import { logLine, type LogEntry } from './log.js';
import { errorReply } from './respond.js';
import { responseSeed } from './seed.js';
import type { MockDecision, MockRequest } from './types.js';

/** What an exchange is run with besides the request: the run seed and where its log line goes. */
export interface ExchangeSettings {
  readonly seed: number;
  readonly log: ConformanceLog | undefined;
  readonly onExchange: ((entry: LogEntry) => void) | undefined;
}

/** A request handler for node:http that numbers requests in arrival order and can wait for those in flight. */
export interface ExchangeHandler {
  (request: IncomingMessage, response: ServerResponse): void;
  /** How many requests it has seen. */
  readonly count: () => number;
  /** Resolves when every exchange started so far has finished (replied, or given up on a closed connection). */
  readonly settled: () => Promise<void>;
}

function decideSafely(ctx: MockContext, request: MockRequest, seed: number): MockDecision {
  try {
    return decide(ctx, request, seed);
  } catch (error) {
    // Only a defect of the mock lands here; answer (and log) it rather than leave the client hanging.
    const message = `the mock could not answer: ${(error as Error).message}`;
    return { reply: errorReply(ctx.facts, BAD_INPUT_STATUS, BAD_INPUT_CODE, message), verdict: 'valid', issues: [], source: 'mock', note: message };
  }
}

/** Builds the handler; the log line is written before the reply, so a client holding its response can read it. */
export function exchangeHandler(ctx: MockContext, settings: ExchangeSettings): ExchangeHandler {
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  async function exchange(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const index = next++;
    const seed = responseSeed(settings.seed, index);
    const body = await readBody(request, ctx.bodyLimitBytes);
    if ('aborted' in body) return;
    const seen: MockRequest = {
      method: request.method ?? '', path: request.url ?? '', headers: normaliseHeaders(request.headers),
      rawBody: body.text, ...(body.issue === undefined ? {} : { bodyIssue: body.issue }),
    };
    const decision = decideSafely(ctx, seen, seed);
    const { entry, line } = logLine(new Date(), index, seed, seen, decision, ctx.facts.apiKeyHeaders);
    await settings.log?.writeLine(line);
    settings.onExchange?.(entry);
    writeReply(request, response, decision.reply, ctx.facts.mediaType(decision.reply.status) ?? JSON_CONTENT_TYPE);
  }
  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    const task = exchange(request, response).catch(() => void response.destroy()).finally(() => inFlight.delete(task));
    inFlight.add(task);
  };
  return Object.assign(handler, { count: () => next, settled: async () => void (await Promise.allSettled([...inFlight])) });
}
