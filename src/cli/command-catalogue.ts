/**
 * Every command by name, with the one-line summary the top-level `--help` lists and a loader for its module.
 * Modules load only when their command runs: `--help` and `--version` must not pay for Ajv, YAML or Pact.
 * test/cli/catalogue.test.ts keeps each summary equal to its module's own description.
 */
import type { CommandModule } from './command.js';

/** One command as the CLI knows it before loading it. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<CommandModule>;
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'lint', summary: 'List defects of the contract document itself (JSON pointer, explanation, example value)', load: async () => (await import('./commands/lint-command.js')).lintCommand },
  { name: 'validate', summary: 'Validate one request or response (JSON, from a file or stdin) against the contract', load: async () => (await import('./commands/validate.js')).validateCommand },
  { name: 'sample', summary: 'Print values generated from the contract as JSON lines: valid ones, or with --invalid ones tagged with the constraint they break', load: async () => (await import('./commands/sample.js')).sampleCommand },
  { name: 'serve', summary: 'Start the reference provider (the embedded default target), with the Pact state-change endpoint', load: async () => (await import('./commands/serve.js')).serveCommand },
  { name: 'mock', summary: 'Contract mock server for clients: validates each request, answers with schema-valid responses covering every shape; with -- <command>, a CI verdict on a client', load: async () => (await import('./commands/mock.js')).mockCommand },
  { name: 'verify', summary: 'Verify a provider: its pacts, then every edge class (systematic) and property-based conformance (random) with every check, then the provider states', load: async () => (await import('./commands/verify-command.js')).verifyCommand },
  { name: 'check-pact', summary: 'Check pact files against the contract: examples and what each matcher admits (bi-directional)', load: async () => (await import('./commands/check-pact.js')).checkPactCommand },
  { name: 'report', summary: 'Merge the JSON reports of several runs or shards into one: findings deduplicated, coverage unioned, seeds and shards listed', load: async () => (await import('./commands/report.js')).reportCommand },
  { name: 'diff', summary: 'Compare two versions of the contract on the operation: every change with its level (breaking, warning, info) and direction', load: async () => (await import('./commands/diff.js')).diffCommand },
  { name: 'publish', summary: 'Publish pact files to a Pact Broker (consumer version, branch and tags from git/CI by default)', load: async () => (await import('./commands/publish.js')).publishCommand },
  { name: 'can-i-deploy', summary: 'Ask the Pact Broker whether a pacticipant version can be deployed (to an environment)', load: async () => (await import('./commands/can-i-deploy.js')).canIDeployCommand },
  { name: 'record-deployment', summary: 'Record in the Pact Broker that a pacticipant version is now deployed to an environment', load: async () => (await import('./commands/record-deployment.js')).recordDeploymentCommand },
  { name: 'record-release', summary: 'Record in the Pact Broker that a pacticipant version is released to an environment (one more supported version)', load: async () => (await import('./commands/record-deployment.js')).recordReleaseCommand },
];

/**
 * The command an argv will run, if any: the first word after the program options (the program takes none with a
 * value), or the word after `help`. Unknown words are left to commander, which reports them.
 */
export function commandNamed(args: readonly string[]): CommandEntry | undefined {
  const words = args.filter((arg) => !arg.startsWith('-'));
  const word = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((entry) => entry.name === word);
}
