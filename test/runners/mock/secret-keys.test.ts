/**
 * A client whose API key is a word the mock's own outputs are made of (`body`, `path`, `data`): the mock still answers
 * every request, and its log, reports and recorded pact keep their shape (redaction touches values, never keys).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { parseReport } from '../../../src/report/index.js';
import { runCli } from '../../helpers/cli.js';
import { assertWellFormed } from '../../report/xml.js';
import { removeTemp, tempDir } from './helpers.js';

const CLIENT = fileURLToPath(new URL('../../fixtures/broken-clients/cli-client.mjs', import.meta.url));

describe('runners/mock: a key named like the outputs\' own keys', function () {
  this.timeout(60_000);
  after(removeTemp);

  for (const key of ['body', 'path', 'data']) {
    it(`key ${JSON.stringify(key)}: the client passes, and the log, the reports and the recorded pact stay whole`, async () => {
      const dir = await tempDir();
      const [log, json, junit] = [join(dir, 'mock.log'), join(dir, 'report.json'), join(dir, 'report.xml')];
      const run = await runCli(['mock', '--log', log, '--record-pact', dir, '--consumer', 'c', '--report', `json=${json},junit=${junit}`, '--', process.execPath, CLIENT, 'clean'], { env: { STIGG_API_KEY: key } });
      expect(run.code, run.stdout + run.stderr).to.equal(0);
      const lines = (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { request: { path: string; body: { syncedEntityId: unknown } }; response: { body: { data: { id: string } } } });
      expect(lines).to.have.length(3);
      for (const line of lines) expect(line.request.path).to.match(/^\/api\/v1\/customers\//);
      expect(lines.map((line) => line.response.body.data.id)).to.deep.equal(['int-1', 'int/eu 1', 'int-3']);
      expect(parseReport(await readFile(json, 'utf8')).kind).to.equal('mock');
      assertWellFormed(await readFile(junit, 'utf8'));
      const pact = JSON.parse(await readFile(join(dir, 'c-stigg-api.json'), 'utf8')) as { interactions: { request: { body: { content: unknown } }; response: { body: { content: { data?: unknown } } } }[] };
      expect(pact.interactions.length).to.be.at.least(1);
      for (const interaction of pact.interactions) expect(interaction.response.body.content.data).to.be.an('object');
    });
  }
});
