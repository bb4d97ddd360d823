import { expect } from 'chai';
import { ConfigurationError } from '../../../src/errors.js';
import { authFromEnv, brokerConfigFrom, describeAuth } from '../../../src/pact/broker/index.js';
import { CANARY } from './helpers.js';

describe('pact/broker config: broker URL and credentials', () => {
  it('takes --broker-url over PACT_BROKER_BASE_URL, and drops a trailing slash', () => {
    expect(brokerConfigFrom({ brokerUrl: 'https://flag.example/' }, { PACT_BROKER_BASE_URL: 'https://env.example' })).to.deep.equal({ baseUrl: 'https://flag.example' });
    expect(brokerConfigFrom({}, { PACT_BROKER_BASE_URL: 'https://env.example/broker/' })).to.deep.equal({ baseUrl: 'https://env.example/broker' });
  });

  it('needs a broker URL, an http(s) one, without query', () => {
    expect(() => brokerConfigFrom({}, {})).to.throw(ConfigurationError, /--broker-url URL or set PACT_BROKER_BASE_URL/);
    expect(() => brokerConfigFrom({ brokerUrl: 'not a url' }, {})).to.throw(ConfigurationError, /not a URL/);
    expect(() => brokerConfigFrom({ brokerUrl: 'ftp://broker' }, {})).to.throw(ConfigurationError, /http:\/\/ or https:\/\//);
    expect(() => brokerConfigFrom({ brokerUrl: 'https://broker?x=1' }, {})).to.throw(ConfigurationError, /query or fragment/);
  });

  it('refuses credentials inside the URL without repeating them', () => {
    let message = '';
    try {
      brokerConfigFrom({}, { PACT_BROKER_BASE_URL: `https://user:${CANARY}@broker.example` });
    } catch (error) {
      expect(error).to.be.instanceOf(ConfigurationError);
      message = (error as Error).message;
    }
    expect(message).to.match(/must not contain credentials/);
    expect(message).not.to.include(CANARY);
  });

  it('reads a bearer token or basic auth from the environment; half or double credentials are errors', () => {
    expect(authFromEnv({})).to.equal(undefined);
    expect(authFromEnv({ PACT_BROKER_TOKEN: 't' })).to.deep.equal({ kind: 'token', token: 't' });
    expect(authFromEnv({ PACT_BROKER_USERNAME: 'u', PACT_BROKER_PASSWORD: 'p' })).to.deep.equal({ kind: 'basic', username: 'u', password: 'p' });
    expect(authFromEnv({ PACT_BROKER_TOKEN: '', PACT_BROKER_USERNAME: ' ' })).to.equal(undefined);
    expect(() => authFromEnv({ PACT_BROKER_USERNAME: 'u' })).to.throw(ConfigurationError, /only PACT_BROKER_USERNAME is set/);
    expect(() => authFromEnv({ PACT_BROKER_PASSWORD: CANARY })).to.throw(ConfigurationError, /only PACT_BROKER_PASSWORD is set/);
    expect(() => authFromEnv({ PACT_BROKER_TOKEN: 't', PACT_BROKER_USERNAME: 'u', PACT_BROKER_PASSWORD: 'p' })).to.throw(ConfigurationError, /not both/);
  });

  it('describes credentials by variable name, never by value', () => {
    expect(describeAuth({ kind: 'token', token: CANARY })).to.equal('the bearer token in PACT_BROKER_TOKEN').and.not.include(CANARY);
    expect(describeAuth({ kind: 'basic', username: 'ci', password: CANARY })).to.include('"ci"').and.not.include(CANARY);
  });
});
