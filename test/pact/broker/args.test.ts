import { expect } from 'chai';
import { ConfigurationError } from '../../../src/errors.js';
import { answerOf, canIDeployArgs, formatMatrix, literalGlob, publishArgs, recordArgs, secretsOf } from '../../../src/pact/broker/index.js';

describe('pact/broker: what we hand the official Pact CLI, and what we read back', () => {
  it('publish: files as literal globs, the version, branch, one comma-joined --tag, build URL; refuses what the CLI would mangle', () => {
    expect(publishArgs({ files: ['pacts/a[1]*.json'], consumerVersion: 'v1', branch: 'main', tags: ['rc', 'x'], buildUrl: 'https://ci/1' }))
      .to.deep.equal(['publish', 'pacts/a[[]1[]][*].json', '--consumer-app-version', 'v1', '--branch', 'main', '--tag', 'rc,x', '--build-url', 'https://ci/1']);
    expect(publishArgs({ files: ['p.json'], consumerVersion: 'v1', verbose: true })).to.deep.equal(['publish', 'p.json', '--consumer-app-version', 'v1', '--log-level', 'debug']);
    expect(literalGlob('a?b')).to.equal('a[?]b');
    expect(() => publishArgs({ files: [], consumerVersion: 'v' })).to.throw(ConfigurationError);
    expect(() => publishArgs({ files: ['p'], consumerVersion: ' ' })).to.throw(ConfigurationError);
    expect(() => publishArgs({ files: ['p'], consumerVersion: 'v', tags: ['a,b'] })).to.throw(ConfigurationError, /without commas/);
  });

  it('can-i-deploy: JSON output always, the environment and retries only when asked', () => {
    expect(canIDeployArgs({ pacticipant: 'p', version: '1' })).to.deep.equal(['can-i-deploy', '--pacticipant', 'p', '--version', '1', '--output', 'json']);
    expect(canIDeployArgs({ pacticipant: 'p', version: '1', environment: 'production', retryWhileUnknown: 2, retryIntervalSeconds: 5 }))
      .to.deep.equal(['can-i-deploy', '--pacticipant', 'p', '--version', '1', '--to-environment', 'production', '--retry-while-unknown', '2', '--retry-interval', '5', '--output', 'json']);
    expect(() => canIDeployArgs({ pacticipant: '', version: '1' })).to.throw(ConfigurationError);
  });

  it('record-deployment / record-release: the flags, an application instance for deployments only', () => {
    expect(recordArgs('deployment', { pacticipant: 'p', version: '1', environment: 'test', applicationInstance: 'blue' }))
      .to.deep.equal(['record-deployment', '--pacticipant', 'p', '--version', '1', '--environment', 'test', '--application-instance', 'blue']);
    expect(recordArgs('release', { pacticipant: 'p', version: '1', environment: 'test' })).to.deep.equal(['record-release', '--pacticipant', 'p', '--version', '1', '--environment', 'test']);
    expect(() => recordArgs('release', { pacticipant: 'p', version: '1', environment: 'test', applicationInstance: 'x' })).to.throw(ConfigurationError);
    expect(() => recordArgs('deployment', { pacticipant: 'p', version: '1', environment: ' ' })).to.throw(ConfigurationError, /--environment/);
  });

  it('reads the matrix answer: rows, counts, notices, deployable true/false/unknown; anything else is not an answer', () => {
    const answer = answerOf({
      summary: { deployable: null, reason: 'waiting', success: 1, failed: 0, unknown: 1 },
      notices: [{ type: 'warning', text: 'w' }],
      matrix: [
        { consumer: { name: 'c', version: { number: '0123456789abcdef0123456789abcdef01234567' } }, provider: { name: 'p', version: null }, verificationResult: null },
        { consumer: { name: 'c', version: { number: 'v2' } }, provider: { name: 'p', version: { number: 'p1' } }, verificationResult: { success: true } },
      ],
    });
    expect(answer).to.deep.include({ deployable: undefined, reason: 'waiting', counts: { success: 1, failed: 0, unknown: 1 }, notices: [{ type: 'warning', text: 'w' }] });
    expect(formatMatrix(answer?.rows ?? [])).to.deep.equal([
      'CONSUMER | C.VERSION | PROVIDER | P.VERSION | SUCCESS?',
      'c        | 0123456   | p        | -         | ???',
      'c        | v2        | p        | p1        | true',
    ]);
    expect(answerOf({ errors: ['x'] })).to.equal(undefined);
    expect(answerOf('not json')).to.equal(undefined);
  });

  it('the secrets of each credential kind: the token; the password and the base64 of user:password', () => {
    expect(secretsOf(undefined)).to.deep.equal([]);
    expect(secretsOf({ kind: 'token', token: 't' })).to.deep.equal(['t']);
    expect(secretsOf({ kind: 'basic', username: 'u', password: 'pw' })).to.include('pw').and.include(Buffer.from('u:pw').toString('base64'));
  });
});
