import { readFile } from 'node:fs/promises';
import { Argument } from 'commander';
import { ConfigurationError } from '../../errors.js';
import { defectsOnly, formatIssue, openContract, type ExchangeResult } from '../../validators/index.js';
import { optionsOf, type CommandModule } from '../command.js';
import type { CliIo } from '../io.js';

interface ValidateOptions {
  readonly contract?: string;
  readonly operation?: string;
  readonly json?: boolean;
}

async function readInput(file: string | undefined, stdin: CliIo['stdin']): Promise<string> {
  if (file === undefined || file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function parseExchange(text: string, kind: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`the ${kind} to validate is not JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigurationError(`the ${kind} to validate must be a JSON object`);
  return value as Record<string, unknown>;
}

function requireField<T>(exchange: Record<string, unknown>, field: string, type: 'string' | 'number'): T {
  if (typeof exchange[field] !== type) throw new ConfigurationError(`the exchange needs "${field}" (a ${type})`);
  return exchange[field] as T;
}

function report(result: Extract<ExchangeResult, { matched: true }>, json: boolean): string {
  const defects = defectsOnly(result.strict, result.intent);
  if (json) return JSON.stringify({ verdict: result.verdict, violations: result.intent, contractDefects: defects }, null, 2);
  const lines = [...result.intent.map((issue) => formatIssue(issue, 'violation')), ...defects.map((issue) => formatIssue(issue, 'contract-defect'))];
  return [...lines, `verdict: ${result.verdict}`].join('\n');
}

/** `stigg-contract validate request|response`: validates one exchange and names every problem. */
export const validateCommand: CommandModule = {
  name: 'validate',
  define: (command) => command
    .description('Validate one request or response (JSON, from a file or stdin) against the contract')
    .addArgument(new Argument('<kind>', 'what the JSON describes').choices(['request', 'response']))
    .argument('[file]', 'JSON file, or - for stdin', '-')
    .option('--contract <file>', 'OpenAPI 3.0 document (default: the shipped Stigg contract)')
    .option('--operation <id>', 'operationId or "METHOD /path" when the document has several operations')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', `
Input:
  request:  {"method":"PATCH","path":"/api/v1/customers/acme/integrations/int-1","headers":{...},"body":{...}}
  response: {"status":200,"headers":{"content-type":"application/json"},"body":{...}}
  Use "rawBody" (a string) instead of "body" to validate bytes that may not be JSON. Path segments are
  percent-decoded before validation.

Verdicts: valid; contract-defect (only the document as strictly written rejects it: see lint); violation.
Exit codes: 0 valid or contract-defect, 1 violation, 2 unusable input (not JSON, unknown status, unknown path).`),
  async run(args, io) {
    const [kind, file] = args as [string, string | undefined];
    const options = optionsOf<ValidateOptions>(args);
    const exchange = parseExchange(await readInput(file, io.stdin), kind);
    const bound = await openContract(options.contract, options.operation);
    const headers = (exchange['headers'] ?? {}) as Record<string, string>;
    const result = kind === 'request'
      ? bound.validateRequest({ method: requireField(exchange, 'method', 'string'), path: requireField(exchange, 'path', 'string'), headers, body: exchange['body'], ...(typeof exchange['rawBody'] === 'string' ? { rawBody: exchange['rawBody'] } : {}) })
      : bound.validateResponse({ status: requireField(exchange, 'status', 'number'), ...('headers' in exchange ? { headers } : {}), body: exchange['body'], ...(typeof exchange['rawBody'] === 'string' ? { rawBody: exchange['rawBody'] } : {}) });
    if (!result.matched) throw new ConfigurationError(`not an exchange of ${bound.operation.method} ${bound.operation.pathTemplate}: ${result.reason}`);
    io.out(report(result, options.json === true));
    return result.verdict === 'violation' ? 1 : 0;
  },
};
