/** Checking verify's flags before anything runs: flags that would be ignored, and the broker they may need. */
import { ConfigurationError } from '../../errors.js';

/** Flags that only mean something with a broker, by their commander names and as typed. */
const BROKER_ONLY = [['publishResults', '--publish-results'], ['consumerVersionSelectors', '--consumer-version-selectors'], ['enablePending', '--enable-pending'], ['includeWipPactsSince', '--include-wip-pacts-since'], ['providerBranch', '--provider-branch'], ['providerVersion', '--provider-version']] as const;

/** Refuses flags that would otherwise be silently ignored: a broker's without a broker, `--path` without `--seed`. */
export function refuseIgnoredFlags(flags: Readonly<Record<string, unknown>>, usesBroker: boolean): void {
  if (!usesBroker) {
    const given = BROKER_ONLY.filter(([name]) => flags[name] !== undefined && flags[name] !== false).map(([, typed]) => typed);
    if (given.length > 0) throw new ConfigurationError(`${given.join(', ')} ${given.length > 1 ? 'need' : 'needs'} a broker: --broker-url (or PACT_BROKER_BASE_URL with --provider-version)`);
  }
  if (flags['path'] !== undefined && flags['seed'] === undefined) throw new ConfigurationError('--path replays a case of one seeded run: give that run\'s --seed too');
  if (flags['path'] !== undefined && flags['maxTime'] !== undefined) throw new ConfigurationError('--max-time is a fuzzing budget, and --path replays one case: give one of them');
  if (flags['keepFixed'] === true && flags['failures'] === false) throw new ConfigurationError('--keep-fixed keeps entries of the failure database, and --no-failures turns it off: give one of them');
}
