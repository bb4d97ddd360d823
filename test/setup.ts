/** Root setup for every mocha run: no network beyond loopback, from any library. */
process.env['PACT_DO_NOT_TRACK'] = 'true';
