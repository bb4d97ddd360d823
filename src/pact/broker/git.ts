/**
 * Defaults for the consumer version, branch and build URL, from git and the CI environment.
 *
 * The version is the FULL commit SHA (`git rev-parse HEAD`): Pact's versioning guidance asks for a number that
 * maps one-to-one to a commit; the full SHA never becomes ambiguous as the repository grows, and it is what CI
 * systems expose (GITHUB_SHA, CI_COMMIT_SHA...), so local and CI publications of one commit agree.
 * https://docs.pact.io/versioning and https://docs.pact.io/pact_broker/pacticipant_version_numbers
 * The branch comes from CI variables first (CI checkouts are usually detached, where git only says "HEAD"),
 * then from `git rev-parse --abbrev-ref HEAD`.
 */
import { execFile } from 'node:child_process';

/** Runs git with arguments in a directory, resolving its trimmed stdout, or undefined when git fails. */
export type GitRunner = (args: readonly string[], cwd: string) => Promise<string | undefined>;

/** The real git, bounded to 10 s, with no prompts. */
export const runGit: GitRunner = (args, cwd) =>
  new Promise((resolve) => {
    execFile('git', [...args], { cwd, timeout: 10_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout) => {
      resolve(error ? undefined : stdout.toString().trim() || undefined);
    });
  });

function env(vars: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = vars[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

const COMMIT_VARIABLES = ['GITHUB_SHA', 'CI_COMMIT_SHA', 'BUILDKITE_COMMIT', 'CIRCLE_SHA1', 'BITBUCKET_COMMIT', 'GIT_COMMIT'] as const;

/** The checked-out commit: `git rev-parse HEAD`, else a CI variable (builds without a .git directory). */
export async function commitSha(cwd: string, vars: NodeJS.ProcessEnv, git: GitRunner = runGit): Promise<string | undefined> {
  const sha = await git(['rev-parse', 'HEAD'], cwd);
  if (sha !== undefined && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
  return COMMIT_VARIABLES.map((name) => env(vars, name)).find((value) => value !== undefined);
}

/** The branch from CI variables: pull-request source branches first, then the pushed branch. */
export function ciBranch(vars: NodeJS.ProcessEnv): string | undefined {
  const githubRef = env(vars, 'GITHUB_REF');
  const githubBranch = githubRef?.startsWith('refs/heads/') ? githubRef.slice('refs/heads/'.length) : undefined;
  const jenkins = env(vars, 'GIT_BRANCH')?.replace(/^origin\//, '');
  const candidates = [
    env(vars, 'GITHUB_HEAD_REF'),
    githubBranch,
    env(vars, 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME'),
    env(vars, 'CI_COMMIT_BRANCH'),
    env(vars, 'BUILDKITE_BRANCH'),
    env(vars, 'CIRCLE_BRANCH'),
    env(vars, 'BITBUCKET_BRANCH'),
    jenkins,
  ];
  return candidates.find((value) => value !== undefined);
}

/** The branch: CI variables, else git's current branch (undefined when detached or not a git checkout). */
export async function currentBranch(cwd: string, vars: NodeJS.ProcessEnv, git: GitRunner = runGit): Promise<string | undefined> {
  const fromCi = ciBranch(vars);
  if (fromCi !== undefined) return fromCi;
  const name = await git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd);
  return name === undefined || name === 'HEAD' ? undefined : name;
}

/** The CI build's URL, when a known CI system says it (GitHub Actions, GitLab, Buildkite, CircleCI, Jenkins). */
export function ciBuildUrl(vars: NodeJS.ProcessEnv): string | undefined {
  const server = env(vars, 'GITHUB_SERVER_URL');
  const repository = env(vars, 'GITHUB_REPOSITORY');
  const runId = env(vars, 'GITHUB_RUN_ID');
  if (server !== undefined && repository !== undefined && runId !== undefined) return `${server}/${repository}/actions/runs/${runId}`;
  return ['CI_JOB_URL', 'BUILDKITE_BUILD_URL', 'CIRCLE_BUILD_URL', 'BUILD_URL'].map((name) => env(vars, name)).find((v) => v !== undefined);
}
