/**
 * `stigg-contract/chai`: a chai plugin, so a team's own mocha/chai suite asserts conformance inline.
 *
 *   import * as chai from 'chai';
 *   import stiggContract from 'stigg-contract/chai';
 *   chai.use(stiggContract);
 *   expect(response).to.satisfyContract();            // supertest, superagent, axios, or { status, headers, body }
 *   expect(request).to.satisfyContract();             // { method, path, headers, body }
 *   expect(response).not.to.satisfyContract();
 *   expect(response).to.satisfyContract({ strict: true });   // contract defects fail too
 *
 * The shipped contract is loaded and compiled once, when this module is imported, so the assertion itself is
 * synchronous; `contractPlugin(await openContract(file))` binds another document.
 */
import { defectsOnly, formatIssue, openContract, recogniseExchange, type OperationContract, type ValidationIssue } from './validators/index.js';

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
      /** Asserts that a request or response satisfies the Stigg contract (the intent reading; `strict` for both). */
      satisfyContract(options?: SatisfyContractOptions): Assertion;
    }
  }
}

/** The part of chai a plugin uses (structural, so the plugin's types need no chai types of their own). */
export interface ChaiLike {
  readonly Assertion: { addMethod(name: string, method: (this: AssertionContext, options?: SatisfyContractOptions) => void): void };
}

/** What chai binds `this` to inside an assertion method. */
export interface AssertionContext {
  readonly _obj: unknown;
  assert(passed: boolean, message: string, negatedMessage: string): void;
}

/** A chai plugin. */
export type ChaiPlugin = (chai: ChaiLike, utils: unknown) => void;

function verdictLines(contract: OperationContract, value: unknown, strict: boolean): { what: string; passed: boolean; problems: string[] } {
  const recognised = recogniseExchange(value);
  if (recognised === undefined) {
    return { what: 'value', passed: false, problems: ['  not a request ({method, path, headers, body}) or a response ({status, headers, body|data|text})'] };
  }
  const result = recognised.kind === 'request' ? contract.validateRequest(recognised.exchange) : contract.validateResponse(recognised.exchange);
  const what = recognised.kind === 'request' ? `request ${recognised.exchange.method} ${recognised.exchange.path}` : `response ${recognised.exchange.status}`;
  if (!result.matched) return { what, passed: false, problems: [`  not an exchange of ${contract.operation.method} ${contract.operation.pathTemplate}: ${result.reason}`] };
  const defects: ValidationIssue[] = defectsOnly(result.strict, result.intent);
  const problems = [...result.intent.map((issue) => `  ${formatIssue(issue, 'violation')}`), ...defects.map((issue) => `  ${formatIssue(issue, strict ? 'contract-defect' : 'contract-defect (not failing without strict)')}`)];
  return { what, passed: result.intent.length === 0 && (!strict || defects.length === 0), problems };
}

/** A plugin bound to one contract. */
export function contractPlugin(contract: OperationContract): ChaiPlugin {
  return (chai) => {
    chai.Assertion.addMethod('satisfyContract', function satisfyContract(this: AssertionContext, options: SatisfyContractOptions = {}) {
      const bound = options.contract ?? contract;
      const { what, passed, problems } = verdictLines(bound, this._obj, options.strict === true);
      const listed = problems.length > 0 ? `:\n${problems.join('\n')}` : '';
      this.assert(
        passed,
        `expected ${what} to satisfy ${bound.operation.method} ${bound.operation.pathTemplate}${listed}`,
        `expected ${what} not to satisfy ${bound.operation.method} ${bound.operation.pathTemplate}, but it does${listed}`,
      );
    });
  };
}

/** The shipped contract, bound once at import. */
export const shippedContract: OperationContract = await openContract();

/** The plugin for the shipped Stigg contract: `chai.use(stiggContract)`. */
const stiggContract: ChaiPlugin = contractPlugin(shippedContract);
export default stiggContract;
