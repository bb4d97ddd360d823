/**
 * Pact regexes in JavaScript. Pact's implementations read them with Oniguruma (Rust) or java.util.regex (JVM), where
 * a leading `(?i)` turns on case-insensitive matching; JavaScript has no inline flags, so it becomes the `i` flag.
 * A pattern is tried as a Unicode regex first (what the contract's patterns are), then as a plain one.
 */

// Compiled once per pattern: the mock matches every request against every interaction.
const compiled = new Map<string, RegExp | undefined>();

/** The regex for a pact pattern, or undefined when JavaScript cannot compile it. */
export function compilePactRegex(source: string): RegExp | undefined {
  if (compiled.has(source)) return compiled.get(source);
  const insensitive = source.startsWith('(?i)');
  const body = insensitive ? source.slice('(?i)'.length) : source;
  let regex: RegExp | undefined;
  for (const flags of ['u', '']) {
    try {
      regex = new RegExp(body, `${flags}${insensitive ? 'i' : ''}`);
      break;
    } catch {
      // Try the next reading.
    }
  }
  compiled.set(source, regex);
  return regex;
}
