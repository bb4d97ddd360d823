import { createReadStream } from 'node:fs';
import { Argument } from 'commander';
import { ConfigurationError } from '../../errors.js';
import { defectsOnly, distinctIssues, formatIssue, openContract, requestExchangeOf, responseExchangeOf, type ExchangeResult } from '../../validators/index.js';
import { optionsOf, type CommandModule } from '../command.js';
import { OPERATION_HELP } from '../flags.js';
import type { CliIo } from '../io.js';

interface ValidateOptions {
  readonly contract?: string;
  readonly operation?: string;
  readonly json?: boolean;
}

/** Input beyond this many bytes is refused, as the mock refuses bodies beyond its cap. */
const MAX_INPUT_BYTES = 2 ** 20;

async function readCapped(chunks: AsyncIterable<Buffer | string>, source: string): Promise<string> {
  const taken: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk);
    size += bytes.length;
    if (size > MAX_INPUT_BYTES) throw new ConfigurationError(`${source} is over ${MAX_INPUT_BYTES} bytes (1 MiB): one exchange is expected`);
    taken.push(bytes);
  }
  return Buffer.concat(taken).toString('utf8');
}

async function readInput(file: string | undefined, stdin: CliIo['stdin']): Promise<string> {
  if (file === undefined || file === '-') return readCapped(stdin, 'standard input');
  try {
    return await readCapped(createReadStream(file), file);
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function parseJson(text: string, kind: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`the ${kind} to validate is not JSON: ${(error as Error).message}`);
  }
}

function report(result: Extract<ExchangeResult, { matched: true }>, json: boolean): string {
  const violations = distinctIssues(result.intent);
  const defects = distinctIssues(defectsOnly(result.strict, result.intent));
  if (json) return JSON.stringify({ verdict: result.verdict, violations, contractDefects: defects }, null, 2);
  const lines = [...violations.map((issue) => formatIssue(issue, 'violation')), ...defects.map((issue) => formatIssue(issue, 'contract-defect'))];
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
    .option('--operation <id>', OPERATION_HELP)
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
    const value = parseJson(await readInput(file, io.stdin), kind);
    const bound = await openContract(options.contract, options.operation);
    const result = kind === 'request' ? bound.validateRequest(requestExchangeOf(value)) : bound.validateResponse(responseExchangeOf(value));
    if (!result.matched) throw new ConfigurationError(`not an exchange of ${bound.operation.method} ${bound.operation.pathTemplate}: ${result.reason}`);
    io.out(report(result, options.json === true));
    return result.verdict === 'violation' ? 1 : 0;
  },
};
