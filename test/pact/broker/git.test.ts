import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ciBranch, ciBuildUrl, commitSha, currentBranch, type GitRunner } from '../../../src/pact/broker/index.js';

const SHA = 'a'.repeat(40);
const fakeGit = (answers: Record<string, string | undefined>): GitRunner => async (args) => answers[args.join(' ')];

describe('pact/broker git: version, branch and build URL defaults', () => {
  it('the version is the full SHA from git rev-parse HEAD, else a CI variable', async () => {
    expect(await commitSha('.', { GITHUB_SHA: 'b'.repeat(40) }, fakeGit({ 'rev-parse HEAD': SHA }))).to.equal(SHA);
    expect(await commitSha('.', { CI_COMMIT_SHA: 'c1' }, fakeGit({}))).to.equal('c1');
    expect(await commitSha('.', {}, fakeGit({ 'rev-parse HEAD': 'HEAD' }))).to.equal(undefined);
  });

  it('the branch comes from CI variables first (PR source branch before pushed ref), then git, never "HEAD"', async () => {
    const git = fakeGit({ 'rev-parse --abbrev-ref HEAD': 'local' });
    expect(await currentBranch('.', { GITHUB_HEAD_REF: 'feat/pr', GITHUB_REF: 'refs/pull/1/merge' }, git)).to.equal('feat/pr');
    expect(await currentBranch('.', { GITHUB_HEAD_REF: '', GITHUB_REF: 'refs/heads/main' }, git)).to.equal('main');
    expect(await currentBranch('.', { GITHUB_REF: 'refs/tags/v1' }, git)).to.equal('local');
    expect(ciBranch({ CI_COMMIT_BRANCH: 'gl' })).to.equal('gl');
    expect(ciBranch({ GIT_BRANCH: 'origin/jenkins' })).to.equal('jenkins');
    expect(await currentBranch('.', {}, fakeGit({ 'rev-parse --abbrev-ref HEAD': 'HEAD' }))).to.equal(undefined);
  });

  it('the build URL comes from the CI system when it says', () => {
    expect(ciBuildUrl({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '42' })).to.equal('https://github.com/o/r/actions/runs/42');
    expect(ciBuildUrl({ BUILD_URL: 'https://jenkins/1' })).to.equal('https://jenkins/1');
    expect(ciBuildUrl({})).to.equal(undefined);
  });

  it('reads a real git checkout, and answers undefined outside one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'broker-git-'));
    try {
      expect(await commitSha(dir, {})).to.equal(undefined);
      expect(await currentBranch(dir, {})).to.equal(undefined);
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
      git('init', '-q', '-b', 'trunk');
      await writeFile(join(dir, 'f'), 'x');
      git('add', 'f');
      git('commit', '-q', '-m', 'c');
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim();
      expect(await commitSha(dir, {})).to.equal(head).and.to.match(/^[0-9a-f]{40}$/);
      expect(await currentBranch(dir, {})).to.equal('trunk');
      git('checkout', '-q', '--detach');
      expect(await currentBranch(dir, {})).to.equal(undefined);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
