/**
 * HAL (application/hal+json) as the Pact Broker speaks it: `_links` maps a relation to one link or a list of
 * named links; templated hrefs use RFC 6570 level-1 `{var}` expressions, the only kind the broker emits.
 * https://github.com/pact-foundation/pact_broker/blob/master/lib/pact_broker/api/resources/index.rb (the index)
 */

/** One HAL link. `name` tells apart the links of one relation (e.g. one `pb:record-deployment` per environment). */
export interface HalLink {
  readonly href: string;
  readonly name?: string;
  readonly title?: string;
  readonly templated?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asLink(value: unknown): HalLink | undefined {
  if (!isRecord(value) || typeof value['href'] !== 'string') return undefined;
  const { href, name, title, templated } = value;
  return {
    href,
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof title === 'string' ? { title } : {}),
    ...(templated === true ? { templated: true } : {}),
  };
}

/** Every link of relation `rel` in a HAL resource (a single link becomes a list of one). */
export function linksOf(resource: unknown, rel: string): HalLink[] {
  if (!isRecord(resource) || !isRecord(resource['_links'])) return [];
  const entry = resource['_links'][rel];
  const candidates = Array.isArray(entry) ? entry : [entry];
  return candidates.map(asLink).filter((link): link is HalLink => link !== undefined);
}

/** The relation names a resource links to, for "this broker has no X link; it has ..." messages. */
export function relationsOf(resource: unknown): string[] {
  return isRecord(resource) && isRecord(resource['_links']) ? Object.keys(resource['_links']).filter((rel) => rel !== 'curies') : [];
}

/** RFC 3986 unreserved characters stay, everything else is percent-encoded (RFC 6570 simple expansion). */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Expands `{name}` expressions; a variable without a value is an error, not a silent literal. */
export function expandTemplate(href: string, values: Readonly<Record<string, string>>): string {
  return href.replace(/\{([A-Za-z0-9_]+)\}/g, (_expression, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in the link template ${href}`);
    return encodeValue(value);
  });
}
