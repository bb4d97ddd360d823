/** The diff as JUnit XML: one test case per change, failing when it reaches --fail-on (see diff-format.ts for why not the Report's writer). */
import { reaches, type Level, type OperationDiff } from '../diff/index.js';
import { headline, summary } from './diff-format.js';
import { junit, xmlSafe } from './junit.js';

/** Renders the diff as JUnit XML; with no change, one passing case says so. */
export function diffJunit(diff: OperationDiff, failOn: Level): string {
  const builder = junit.newBuilder().name(xmlSafe(`stigg-contract diff ${headline(diff)}`));
  const suite = builder.testSuite().name(xmlSafe(`diff ${headline(diff)}`));
  suite.property('old', xmlSafe(diff.old.file)).property('new', xmlSafe(diff.new.file)).property('failOn', failOn);
  for (const change of diff.changes) {
    const testCase = suite.testCase().className(`stigg-contract.diff.${change.direction}`).name(xmlSafe(`${change.level} ${change.rule}: ${change.where}`));
    const details = `${change.message}\nwhy: ${change.why}\nold #${change.oldPointer}\nnew #${change.newPointer}`;
    if (reaches(change.level, failOn)) testCase.failure(xmlSafe(`${change.where}: ${change.message}`), change.level).stacktrace(xmlSafe(details));
    else testCase.standardOutput(xmlSafe(details));
  }
  if (diff.changes.length === 0) suite.testCase().className('stigg-contract.diff').name('no changes').standardOutput(xmlSafe(summary(diff, failOn)));
  return builder.build();
}
