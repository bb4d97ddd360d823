/**
 * `stigg-contract/chai`: a chai plugin, so a team's own mocha/chai suite asserts conformance inline.
 *
 *   import * as chai from 'chai';
 *   import stiggContract from 'stigg-contract/chai';
 *   chai.use(stiggContract);
 *   expect(response).to.satisfyContract();            // supertest, superagent, axios (or an AxiosError), { status, headers, body }
 *   await expect(fetchResponse).to.satisfyContract(); // fetch: a clone's body is read, so the assertion is awaited
 *   expect(request).to.satisfyContract();             // { method, path, headers, body }
 *   expect(response).not.to.satisfyContract();
 *   expect(response).to.satisfyContract({ strict: true });   // contract defects fail too
 *
 * From CommonJS (Node 20.19+, which loads ES modules with require):
 *   const { stiggContract } = require('stigg-contract/chai');
 *
 * The contract is opened and compiled on the first assertion, not at import: importing never throws, and a contract
 * that cannot be opened fails every assertion with the reason. `contractPlugin(await openContract(file))` binds
 * another document; `contractPlugin({ file, operation })` opens it on first use too.
 */
import { ContractLoadError } from './errors.js';
import {
  axiosErrorResponse, defectsOnly, formatIssue, isFetchResponse, openContractSync, readFetchResponse, recogniseExchange,
  type OperationContract, type RecognisedExchange, type ValidationIssue,
} from './validators/index.js';

/** Options of `satisfyContract`. */
export interface SatisfyContractOptions {
  /** Fail on contract defects too: values only the document as strictly written rejects (default false). */
  readonly strict?: boolean;
  /** Another bound contract than the plugin's. */
  readonly contract?: OperationContract;
}

// chai's types (@types/chai) declare this namespace; the plugin adds its assertion to it.
declare global {
  namespace Chai {
    interface Assertion {
      /**
       * Asserts that a request or response satisfies the Stigg contract (the intent reading; `strict` for both). For a
       * fetch Response the chain's result is a promise instead (its body is read from a clone), to await:
       * `await expect(res).to.satisfyContract()`.
       */
      satisfyContract(options?: SatisfyContractOptions): Assertion;
    }
  }
}

/** The part of chai a plugin uses (structural, so the plugin's types need no chai types of their own). */
export interface ChaiLike {
  readonly Assertion: { addMethod(name: string, method: (this: AssertionContext, options?: SatisfyContractOptions) => Promise<void> | undefined): void };
}

/** What chai binds `this` to inside an assertion method. */
export interface AssertionContext {
  readonly _obj: unknown;
  assert(passed: boolean, message: string, negatedMessage: string): void;
}

/** A chai plugin. */
export type ChaiPlugin = (chai: ChaiLike, utils: unknown) => void;

type Verdict = { what: string; passed: boolean; problems: string[] };

/** Why a value is no exchange the assertion can judge, said as what to do about it. */
function unrecognised(value: unknown): Verdict {
  if (axiosErrorResponse(value) === null) {
    return { what: 'AxiosError', passed: false, problems: [`  an AxiosError without a response: the request got no answer (${String((value as { code?: unknown }).code ?? (value as Error).message)})`] };
  }
  if (isFetchResponse(value)) {
    return { what: `fetch Response ${value.status}`, passed: false, problems: ['  a fetch Response whose body was already read (bodyUsed): pass what you read, e.g. expect({ status: res.status, headers: res.headers, body }), or assert before reading it: await expect(res).to.satisfyContract()'] };
  }
  return { what: 'value', passed: false, problems: ['  not a request ({method, path, headers, body}) or a response ({status, headers, body|data|text}, an axios response or error, a fetch Response)'] };
}

function verdictLines(contract: OperationContract, value: unknown, recognised: RecognisedExchange | undefined, strict: boolean): Verdict {
  if (recognised === undefined) return unrecognised(value);
  const result = recognised.kind === 'request' ? contract.validateRequest(recognised.exchange) : contract.validateResponse(recognised.exchange);
  const what = recognised.kind === 'request' ? `request ${recognised.exchange.method} ${recognised.exchange.path}` : `response ${recognised.exchange.status}`;
  if (!result.matched) return { what, passed: false, problems: [`  not an exchange of ${contract.operation.method} ${contract.operation.pathTemplate}: ${result.reason}`] };
  const defects: ValidationIssue[] = defectsOnly(result.strict, result.intent);
  const problems = [...result.intent.map((issue) => `  ${formatIssue(issue, 'violation')}`), ...defects.map((issue) => `  ${formatIssue(issue, strict ? 'contract-defect' : 'contract-defect (not failing without strict)')}`)];
  return { what, passed: result.intent.length === 0 && (!strict || defects.length === 0), problems };
}

/** A contract to open on first use: a file (default: the shipped one) and an operation (default: the shipped one). */
export interface ContractSource {
  readonly file?: string;
  readonly operation?: string;
}

/**
 * Opens a source on the first assertion, synchronously (the assertion is), and keeps it; a failure is not kept, so
 * every assertion reports it. Synchronously means without swagger-parser's OpenAPI schema check: see openContractSync.
 */
function lazily(source: ContractSource): () => OperationContract {
  let opened: OperationContract | undefined;
  return () => {
    try {
      opened ??= openContractSync(source.file, source.operation);
      return opened;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ContractLoadError(`stigg-contract/chai: cannot check against the contract: ${reason}`, source.file, { cause: error });
    }
  };
}

/** A plugin bound to one contract: an opened one, or one to open on the first assertion. */
export function contractPlugin(contract: OperationContract | ContractSource): ChaiPlugin {
  const resolve = 'validateResponse' in contract ? () => contract : lazily(contract);
  return (chai) => {
    chai.Assertion.addMethod('satisfyContract', function satisfyContract(this: AssertionContext, options: SatisfyContractOptions = {}) {
      const bound = options.contract ?? resolve();
      const judge = (recognised: RecognisedExchange | undefined): void => {
        const { what, passed, problems } = verdictLines(bound, this._obj, recognised, options.strict === true);
        const listed = problems.length > 0 ? `:\n${problems.join('\n')}` : '';
        this.assert(
          passed,
          `expected ${what} to satisfy ${bound.operation.method} ${bound.operation.pathTemplate}${listed}`,
          `expected ${what} not to satisfy ${bound.operation.method} ${bound.operation.pathTemplate}, but it does${listed}`,
        );
      };
      const value = this._obj;
      // A fetch Response's body is a stream: a clone is read, and the assertion is a promise to await.
      if (isFetchResponse(value) && !value.bodyUsed) return readFetchResponse(value).then(judge);
      judge(isFetchResponse(value) ? undefined : recogniseExchange(value));
      return undefined;
    });
  };
}

/** The plugin for the shipped Stigg contract, opened on the first assertion: `chai.use(stiggContract)`. */
export const stiggContract: ChaiPlugin = contractPlugin({});
export default stiggContract;
