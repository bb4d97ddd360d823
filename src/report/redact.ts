/** Redaction for the report layer: the project's one scrubber (src/secrets.ts), re-exported where reporters look. */
export { REDACTED, redact, redactDeep, redactor } from '../secrets.js';
