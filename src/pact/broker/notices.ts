/**
 * Notices the broker attaches to its answers: `notices: [{type, text}]` in current brokers, `logs: [{level,
 * message}]` in older brokers. Types seen: debug, info, success, warning, error, danger, prompt.
 * https://github.com/pact-foundation/pact_broker/blob/master/lib/pact_broker/doc/views/index/publish-contracts.markdown
 */
import { isJsonObject } from '../../contract/json.js';

/** One line the broker wants the user to read. */
export interface BrokerNotice {
  readonly type: string;
  readonly text: string;
}


/** The notices of a broker answer body (either shape), in order; anything malformed is skipped. */
export function noticesOf(body: unknown): BrokerNotice[] {
  if (!isJsonObject(body)) return [];
  const found: BrokerNotice[] = [];
  for (const entry of Array.isArray(body['notices']) ? body['notices'] : []) {
    if (isJsonObject(entry) && typeof entry['text'] === 'string') {
      found.push({ type: typeof entry['type'] === 'string' ? entry['type'] : 'info', text: entry['text'] });
    }
  }
  for (const entry of Array.isArray(body['logs']) ? body['logs'] : []) {
    if (isJsonObject(entry) && typeof entry['message'] === 'string') {
      found.push({ type: typeof entry['level'] === 'string' ? entry['level'] : 'info', text: entry['message'] });
    }
  }
  return found;
}
