/**
 * `stigg-contract report merge FILE...`: one report from the JSON reports of several runs or shards (what a CI
 * pipeline's last job runs over its matrix's reports), printed for a person and written as JSON and JUnit.
 */
import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../../errors.js';
import { exitCodeOf, formatConsole, formatJson, mergeReports, parseReport, type Report } from '../../report/index.js';
import type { CommandModule } from '../command.js';
import { reportTargets, writeReports } from '../report-output.js';

interface MergeOptions {
  readonly report?: string;
  readonly json?: boolean;
  readonly color?: boolean;
}

/** Reads one JSON report; an unreadable file or one that is no report is a ConfigurationError naming it. */
function readReport(file: string): Report {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`cannot read the report ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return parseReport(text);
  } catch (error) {
    throw new ConfigurationError(`${file}: ${(error as Error).message}`);
  }
}

/** `stigg-contract report merge`. */
export const reportCommand: CommandModule = {
  name: 'report',
  define: (command) => command
    .description('Merge the JSON reports of several runs or shards into one: findings deduplicated, coverage unioned, seeds and shards listed')
    .argument('<action>', 'merge')
    .argument('<files...>', 'JSON reports (verify --report json=FILE), e.g. one per shard')
    .option('--json', 'print the merged report as JSON (what --report json=FILE writes)')
    .option('--report <targets>', 'write the merged report: junit=FILE,json=FILE')
    .option('--no-color', 'no ANSI colours in the console report')
    .addHelpText('after', '\nFindings are deduplicated by check and signature (counts add up), coverage and check tallies add up, and the seeds\nand shards are listed. A missing shard of a split run (shards 1/3 and 3/3 without 2/3) is no whole run: exit 2.\nExit codes: 0 no violation, 1 violations (or contract defects where a report was strict), 2 unreadable reports,\na missing shard, or a report of a run that could not be done.'),
  async run(args, io) {
    const [action, files] = args as [string, string[]];
    const options = (args[2] ?? {}) as MergeOptions;
    if (action !== 'merge') throw new ConfigurationError(`unknown report action ${JSON.stringify(action)}: use "report merge FILE..."`);
    const targets = reportTargets(options.report);
    const merged = mergeReports(files.map(readReport), files);
    const color = io.isTty && options.color !== false && !process.env['NO_COLOR'];
    io.out(options.json ? formatJson(merged) : formatConsole(merged, { color }));
    writeReports(targets, merged);
    return exitCodeOf(merged);
  },
};
