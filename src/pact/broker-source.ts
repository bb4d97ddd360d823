/** The broker side of a pact verification: where Pact's verifier fetches the pacts from, and what it publishes. */

/**
 * Verifier options for pacts from a broker (URL, selectors, pending, WIP, publication), as src/pact/broker builds
 * them: the subset of @pact-foundation/pact's VerifierOptions we set, spelled out so the package's public types do
 * not pull in Pact's (and, through them, express's).
 */
export interface BrokerSource {
  readonly pactBrokerUrl?: string;
  readonly provider?: string;
  readonly consumerVersionSelectors?: ConsumerVersionSelector[];
  readonly enablePending?: boolean;
  readonly includeWipPactsSince?: string;
  readonly publishVerificationResult?: boolean;
  readonly providerVersion?: string;
  readonly providerVersionBranch?: string;
  readonly pactBrokerToken?: string;
  readonly pactBrokerUsername?: string;
  readonly pactBrokerPassword?: string;
}

/** One consumer version selector (https://docs.pact.io/pact_broker/advanced_topics/consumer_version_selectors). */
export interface ConsumerVersionSelector {
  readonly mainBranch?: boolean;
  readonly matchingBranch?: boolean;
  readonly deployed?: boolean;
  readonly released?: boolean;
  readonly deployedOrReleased?: boolean;
  readonly branch?: string;
  readonly tag?: string;
  readonly fallbackTag?: string;
  readonly consumer?: string;
  readonly environment?: string;
  readonly latest?: boolean;
}
