import fc from 'fast-check';
import { ConfigurationError } from '../../errors.js';
import {
  bodyArbitrary, headersArbitrary, invalidBodyArbitrary, invalidHeadersArbitrary, invalidPathParamArbitrary, invalidRequest,
  invalidResponseArbitrary, pathParamArbitrary, pathParamNames, responseArbitrary, serialiseBody, validRequest,
  type HeaderCase, type KeyUse, type RawBody, type RequestCase, type Tagged,
} from '../../arbitraries/index.js';
import { openContract, type OperationContract } from '../../validators/index.js';
import { OPERATION_HELP, parseInteger } from '../flags.js';
import { optionsOf, type CommandModule } from '../command.js';
import { API_KEY_PLACEHOLDER } from '../../secrets.js';
import { apiKeyHeaderOf } from '../../contract/operation.js';

interface SampleOptions {
  readonly invalid?: boolean;
  readonly count: string;
  readonly seed: string;
  readonly contract?: string;
  readonly operation?: string;
}

/** The seed when none is given: fixed, so that `sample` is reproducible by default. */
export const DEFAULT_SEED = 42;
/** Printed in place of the API key: a case never carries the real key, and output never shows one. */

/** One output line: the value, its intent, and for invalid ones the constraint broken. */
type Line = Record<string, unknown>;
const valid = (value: unknown, extra: Line = {}): Line => ({ value, intent: 'valid', ...extra });
const invalid = ({ value, breaks }: Tagged<unknown>, extra: Line = {}): Line => ({ value, intent: 'invalid', breaks, ...extra });

function headersAsSent(headers: Readonly<Record<string, string>>, key: KeyUse, keyHeader: string | undefined): Record<string, string> {
  if (!keyHeader || key === 'missing') return { ...headers };
  return { ...headers, [keyHeader]: key === 'valid' ? API_KEY_PLACEHOLDER : key.wrong };
}

function bodyLine(body: Tagged<RawBody>): Line {
  const { value: raw, breaks } = body;
  if (raw.kind === 'json') return invalid({ value: raw.value, breaks });
  return invalid({ value: null, breaks }, { rawBody: serialiseBody(raw) ?? null });
}

function requestLine(c: RequestCase, keyHeader: string | undefined): Line {
  const value = {
    method: c.method, path: c.path, params: c.params, encoding: c.encoding,
    headers: headersAsSent(c.headers, c.key, keyHeader), key: c.key, body: c.rawBody ?? null,
  };
  return c.expect.intent === 'valid' ? valid(value) : invalid({ value, breaks: c.expect.breaks });
}

/** The arbitrary for a part, mapped to output lines; a ConfigurationError for a part the contract does not have. */
function linesFor(contract: OperationContract, part: string, wantInvalid: boolean): fc.Arbitrary<Line> {
  const keyHeader = apiKeyHeaderOf(contract.operation);
  const headerLine = (h: HeaderCase): Record<string, string> => headersAsSent(h.headers, h.key, keyHeader);
  const names = pathParamNames(contract);
  const slug = contract.operation.pathParams.find((p) => typeof p.schema['pattern'] === 'string')?.name;
  const param = part === 'slug' ? slug : names.find((name) => name === part);
  if (param !== undefined) return wantInvalid ? invalidPathParamArbitrary(contract, param).map((t) => invalid(t)) : pathParamArbitrary(contract, param).map((v) => valid(v));
  const status = /^response:(\d{3})$/.exec(part)?.[1];
  if (status !== undefined) return wantInvalid ? invalidResponseArbitrary(contract, Number(status)).map((t) => invalid(t)) : responseArbitrary(contract, Number(status)).map((v) => valid(v));
  switch (part) {
    case 'body': return wantInvalid ? invalidBodyArbitrary(contract).map(bodyLine) : bodyArbitrary(contract).map((v) => valid(v));
    case 'headers': return wantInvalid
      ? invalidHeadersArbitrary(contract).map((t) => invalid({ value: headerLine(t.value), breaks: t.breaks }))
      : headersArbitrary(contract).map((h) => valid(headerLine(h)));
    case 'request': return (wantInvalid ? invalidRequest(contract) : validRequest(contract)).map((c) => requestLine(c, keyHeader));
    default: {
      const statuses = contract.operation.responses.map((r) => `response:${r.status}`);
      throw new ConfigurationError(`unknown part "${part}"; parts: ${['slug', ...names, 'body', 'headers', 'request', ...statuses].join(', ')}`);
    }
  }
}


/** `stigg-contract sample <part>`: prints generated values as JSON lines; the same seed prints the same lines. */
export const sampleCommand: CommandModule = {
  name: 'sample',
  define: (command) => command
    .description('Print values generated from the contract as JSON lines: valid ones, or with --invalid ones tagged with the constraint they break')
    .argument('<part>', 'slug | a path parameter (id, integrationId) | body | headers | request | response:<status>')
    .option('--invalid', 'generate invalid values, each tagged {part, pointer, keyword} with the one constraint it breaks')
    .option('-n, --count <n>', 'how many values to print', '10')
    .option('--seed <seed>', 'fast-check seed: the same seed prints the same values', String(DEFAULT_SEED))
    .option('--contract <file>', 'OpenAPI 3.0 document (default: the shipped Stigg contract)')
    .option('--operation <id>', OPERATION_HELP)
    .addHelpText('after', `\nEach line: {"value": ..., "intent": "valid"} or {"value": ..., "intent": "invalid", "breaks": {"part", "pointer", "keyword"}}.\nBodies that are not JSON (or absent) print "value": null and "rawBody". The API key prints as ${API_KEY_PLACEHOLDER}.\nSee docs/sample.md.`),
  async run(args, io) {
    const part = String(args[0]);
    const options = optionsOf<SampleOptions>(args);
    const count = parseInteger(options.count, '-n', 1, 1_000_000);
    const seed = parseInteger(options.seed, '--seed', -(2 ** 31), 2 ** 31 - 1);
    const contract = await openContract(options.contract, options.operation);
    const lines = linesFor(contract, part, options.invalid === true);
    for (const line of fc.sample(lines, { seed, numRuns: count })) io.out(JSON.stringify(line));
    return 0;
  },
};
