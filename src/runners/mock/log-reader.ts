/** Reads a mock `--log` file back into a client report: the same report and exit code as the run that wrote it. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ConfigurationError } from '../../errors.js';
import type { OperationContract } from '../../validators/index.js';
import { ClientReportBuilder, type ClientReport } from './client-report.js';
import type { DriftPlan } from './drift.js';
import type { LogEntry } from './log.js';
import { isJsonObject } from '../../contract/json.js';

const VERDICTS = new Set(['valid', 'violation', 'contract-defect', 'unmatched']);

/** The line as a log entry, or why it is not one. */
function entryOf(line: string): LogEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  if (!isJsonObject(value) || typeof value['index'] !== 'number' || !VERDICTS.has(String(value['verdict'])) || !Array.isArray(value['issues'])) return 'not a mock log line (no index, verdict or issues)';
  const { request, response } = value;
  if (!isJsonObject(request) || typeof request['method'] !== 'string' || typeof request['path'] !== 'string' || !isJsonObject(request['headers'])) return 'not a mock log line (no request method, path or headers)';
  if (!isJsonObject(response) || typeof response['status'] !== 'number') return 'not a mock log line (no response status)';
  return value as unknown as LogEntry;
}

/** Reads every line of `file`; a missing file or a line that is not a mock log line is a ConfigurationError (exit 2). */
export async function reportFromLog(file: string, contract: OperationContract, options: { readonly strictContract?: boolean; readonly drift?: DriftPlan } = {}): Promise<ClientReport> {
  const builder = new ClientReportBuilder(contract, options);
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
  try {
    await opened;
  } catch (error) {
    throw new ConfigurationError(`cannot read the log ${file}: ${(error as Error).message}`, { cause: error });
  }
  let number = 0;
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      number++;
      if (line.trim() === '') continue;
      const entry = entryOf(line);
      if (typeof entry === 'string') throw new ConfigurationError(`${file}:${number}: ${entry}`);
      builder.add(entry);
    }
  } catch (error) {
    stream.destroy();
    // A directory opens, then fails on the first read (EISDIR): that is a file that cannot be read, not a defect.
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`cannot read the log ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  return builder.build();
}
