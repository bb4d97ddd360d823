/** `stigg-contract diff OLD NEW`: what changed in the operation between two versions of the contract (docs/diff.md). */
import { Option } from 'commander';
import { loadContract } from '../../contract/load.js';
import { assertHasOperations } from '../../contract/select.js';
import { diffContracts, LEVELS, reaches, type Level, type OperationDiff } from '../../diff/index.js';
import { optionsOf, type CommandModule } from '../command.js';
import { OPERATION_HELP } from '../flags.js';
import { diffJson, diffMarkdown, diffText } from '../../report/diff-format.js';
import { diffJunit } from '../../report/diff-junit.js';

interface DiffFlags {
  readonly operation?: string;
  readonly failOn: Level;
  readonly format: 'text' | 'json' | 'junit' | 'markdown';
}

const RENDER: Readonly<Record<DiffFlags['format'], (diff: OperationDiff, failOn: Level) => string>> = {
  text: diffText, json: diffJson, junit: diffJunit, markdown: diffMarkdown,
};

const HELP = `
Every change to the operation: parameters, request body, each response's schema (types, nullability, enums,
required, lengths, ranges, patterns, formats, oneOf branches), statuses, media types, headers and security, each
with its level, direction (request: the client sends it; response: the provider does), a one-line reason and JSON
pointers into both documents. Schemas are compared as the harness reads them (dereferenced, translated, in both
readings: a change only the strict reading sees is info). Rules and their levels: docs/diff.md.

Levels: breaking = existing clients fail; warning = strict clients fail (exhaustive enum or shape handling, closed
validation), tolerant ones do not; info = nothing existing fails.
--fail-on defaults to breaking: a CI gate should stop what breaks clients that follow the contract, and show
warnings without failing, since tolerant clients survive them; use --fail-on warning for strict clients.

Exit codes: 0 no change at or above --fail-on, 1 some, 2 unusable input (unreadable or invalid document, an
operation in neither document or one that cannot be modelled, bad flags).`;

/** `stigg-contract diff`. */
export const diffCommand: CommandModule = {
  name: 'diff',
  define: (command) => command
    .description('Compare two versions of the contract on the operation: every change with its level (breaking, warning, info) and direction')
    .argument('<old>', 'the old OpenAPI 3.0 document')
    .argument('<new>', 'the new OpenAPI 3.0 document')
    .option('--operation <id>', OPERATION_HELP)
    .addOption(new Option('--fail-on <level>', 'exit 1 when a change at or above this level exists').choices(LEVELS).default('breaking'))
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(RENDER)).default('text'))
    .addHelpText('after', HELP),
  async run(args, io) {
    const [oldFile, newFile] = args as [string, string];
    const flags = optionsOf<DiffFlags>(args);
    const [old, next] = await Promise.all([loadContract(oldFile), loadContract(newFile)]);
    // A document without a single operation is no version of the API (a wrong file): said so, not "removed".
    for (const contract of [old, next]) assertHasOperations(contract);
    const diff = diffContracts(old, next, flags.operation);
    io.out(RENDER[flags.format](diff, flags.failOn));
    return diff.changes.some((change) => reaches(change.level, flags.failOn)) ? 1 : 0;
  },
};
