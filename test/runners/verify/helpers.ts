import { CHECKS } from '../../../src/checks/index.js';
import { fanOut, type RunListener } from '../../../src/events/index.js';
import { createReportBuilder, exitCodeOf, type VerifyReport as Report } from '../../../src/report/index.js';
import { resolveVerifyOptions, type VerifyOptions } from '../../../src/runners/verify/options.js';
import { verify, type VerifySummary } from '../../../src/runners/verify/verify-runner.js';
import { openContract, type OperationContract } from '../../../src/validators/index.js';

let contract: OperationContract | undefined;

/** Runs verify in-process with fixed settings and returns the built report, its exit code and the summary. */
export async function runVerify(options: VerifyOptions, extra: RunListener = {}): Promise<{ report: Report; exitCode: number; summary: VerifySummary }> {
  contract ??= await openContract();
  // No failure database unless a test asks for one: runs must not replay what another test recorded.
  const settings = resolveVerifyOptions({ runs: 300, seed: 7, timeoutMs: 400, concurrency: 4, strictContract: false, skipPacts: true, shrinkMs: 2000, failures: false, ...options });
  const builder = createReportBuilder({ contract, checks: CHECKS, baseUrl: settings.baseUrl ?? 'embedded', seed: settings.seed, runs: settings.runs });
  const summary = await verify(contract, settings, fanOut(builder, extra));
  const report = builder.build(0);
  return { report, exitCode: exitCodeOf(report, { strictContract: settings.strictContract }), summary };
}

/** The checks that reported a violation. */
export const failedChecks = (report: Report): string[] =>
  [...new Set(report.findings.filter((group) => group.kind === 'violation').map((group) => group.check))];

/** Runs at most `concurrency` jobs at once, in the order they are asked for (end-to-end runs side by side). */
export function limiter(concurrency: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (job) => {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
