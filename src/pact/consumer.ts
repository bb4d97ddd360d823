/** Records interactions with pact-js: each one runs the consumer against a Pact mock server, then is written to `dir`. */
import { PactV4, SpecificationVersion, type TemplateHeaders, type V3MockServer } from '@pact-foundation/pact';
import type { InteractionSpec } from './interaction.js';
import { CONSUMER, PROVIDER } from './names.js';

/** pact-js' type for state params (JsonMap), which it does not export from the package root. */
type StateParams = Parameters<ReturnType<PactV4['addInteraction']>['given']>[1];

/**
 * Registers the interaction, runs `exercise` against a mock server that answers only it, and (if the mock saw
 * exactly the expected request) merges it into the pact file in `dir`. Rejects when the request did not match.
 *
 * When the mock server saw no request at all, it tries once more: on a loaded machine pact-js' mock server can lose
 * the first request. A failed attempt writes nothing; a client that never sends the request fails both times.
 */
export async function recordInteraction<T>(spec: InteractionSpec, dir: string, exercise: (baseUrl: string) => Promise<T>): Promise<T | undefined> {
  try {
    return await recordOnce(spec, dir, exercise);
  } catch (error) {
    if (!/expected but not received/.test(error instanceof Error ? error.message : String(error))) throw error;
    return recordOnce(spec, dir, exercise);
  }
}

async function recordOnce<T>(spec: InteractionSpec, dir: string, exercise: (baseUrl: string) => Promise<T>): Promise<T | undefined> {
  // A new PactV4 per interaction: interactions never share mock-server state, whatever order tests run in.
  const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, spec: SpecificationVersion.SPECIFICATION_VERSION_V4, logLevel: 'error' });
  const unconfigured = pact.addInteraction();
  const params: StateParams & object = spec.state.params;
  const given = Object.keys(params).length > 0 ? unconfigured.given(spec.state.name, params) : unconfigured.given(spec.state.name);
  return given
    .uponReceiving(spec.description)
    .withRequest(spec.request.method, spec.request.path, (builder) => {
      builder.headers(spec.request.headers as TemplateHeaders).jsonBody(spec.request.body);
    })
    .willRespondWith(spec.response.status, (builder) => {
      builder.headers(spec.response.headers as TemplateHeaders).jsonBody(spec.response.body);
    })
    .executeTest((server: V3MockServer) => exercise(server.url));
}
