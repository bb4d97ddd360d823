/** Telling a report's findings apart: one judged exchange (with a request and a reproducer), or a located one. */
import type { Finding } from '../checks/types.js';
import type { ReportFinding } from './types.js';

/** Whether the finding is about an exchange the harness sent (verify's), with its request and reproducer. */
export const isExchangeFinding = (finding: ReportFinding): finding is Finding => 'request' in finding;
