/**
 * `verify()` as the library offers it: every argument optional, the same defaults as `stigg-contract verify`
 * (the shipped contract, the embedded reference provider, 200 runs, a random seed, 5 s per request, 4 in flight,
 * `pacts/` else the shipped pacts), and the report built alongside whatever listener the caller passes.
 */
import { invalidKinds } from './arbitraries/index.js';
import { selectChecks } from './checks/index.js';
import { fanOut, type RunListener } from './events/index.js';
import { createReportBuilder, exitCodeOf, type ExitCode, type VerifyReport } from './report/index.js';
import { contractVersionOf } from './report/verdict.js';
import { resolveVerifyOptions, type VerifyOptions } from './runners/verify/options.js';
import { driftJudge, judgingDrift } from './runners/verify/drift.js';
import { verify as runVerify, type VerifySummary } from './runners/verify/verify-runner.js';
import { campaignMeta } from './runners/verify/campaign/report-meta.js';
import { openContract, type OperationContract } from './validators/index.js';

export { VERIFY_DEFAULTS, resolveVerifyOptions, randomSeed, type VerifyOptions, type ResolvedVerifyOptions } from './runners/verify/options.js';

/** What a run produced: the runner's summary, the seed it used, the report and the exit code the CLI would give. */
export interface VerifyResult extends VerifySummary {
  readonly seed: number;
  readonly report: VerifyReport;
  readonly exitCode: ExitCode;
}

/** An opened contract (what `openContract()` returns), told apart from an options object. */
const isOperationContract = (value: unknown): value is OperationContract =>
  typeof value === 'object' && value !== null && 'operation' in value && 'parts' in value && 'validateRequest' in value;

/**
 * Verifies a provider (default: the embedded reference provider) against the contract (default: the shipped one):
 * the pacts, then property-based conformance. Harness problems (an unreachable provider, bad options) reject with
 * a HarnessError; violations are data, in `report.findings`, with `exitCode` 1. The contract may be left out:
 * `verify({ baseUrl })` and `verify(contract, { baseUrl })` both work.
 */
export async function verify(options?: VerifyOptions, listener?: RunListener): Promise<VerifyResult>;
export async function verify(contract: OperationContract | undefined, options?: VerifyOptions, listener?: RunListener): Promise<VerifyResult>;
export async function verify(first?: OperationContract | VerifyOptions, second?: VerifyOptions | RunListener, third?: RunListener): Promise<VerifyResult> {
  const contractGiven = first === undefined || isOperationContract(first);
  const contract = contractGiven ? first : undefined;
  const options: VerifyOptions = (contractGiven ? (second as VerifyOptions | undefined) : first) ?? {};
  const listener: RunListener = (contractGiven ? third : (second as RunListener | undefined)) ?? {};
  const bound = contract ?? (await openContract());
  const full = resolveVerifyOptions(options);
  const builder = createReportBuilder({
    contract: bound,
    checks: selectChecks(full.checks),
    baseUrl: full.baseUrl ?? 'embedded reference provider',
    seed: full.seed,
    strictContract: full.strictContract,
    invalidKinds: invalidKinds(bound),
    ...(full.nextContract === undefined ? {} : { nextContract: contractVersionOf(full.nextContract), failOnDrift: full.failOnDrift }),
    ...campaignMeta(full),
  });
  const started = performance.now();
  const outputs = fanOut(builder, listener);
  const judged = full.nextContract === undefined ? outputs : judgingDrift(driftJudge(bound, full.nextContract, full.checks), outputs);
  const summary = await runVerify(bound, full, judged);
  const report = builder.build(performance.now() - started);
  return { ...summary, seed: full.seed, report, exitCode: exitCodeOf(report) };
}
