import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import { ConfigurationError } from '../../../src/errors.js';
import { ConformanceLog, type LogEntry } from '../../../src/runners/mock/index.js';
import { API_KEY, closeAll, removeTemp, send, startMock, tempDir } from './helpers.js';

const lines = async (file: string): Promise<LogEntry[]> =>
  (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogEntry);

describe('runners/mock: the conformance log', () => {
  afterEach(closeAll);
  after(removeTemp);

  it('has one JSON line per request, written before its reply, with verdict, issues and response; never the key', async () => {
    const file = join(await tempDir(), 'mock.log');
    const mock = await startMock({ logFile: file, seed: 3 });
    const url = mock.operationUrl('acme', 'int-1');
    await send(url);
    expect(await lines(file)).to.have.length(1);
    await send(mock.operationUrl('-acme', 'int-1'), { body: `{"syncedEntityId":"${API_KEY}"}` });
    await send(url, { key: null });
    await send(`${mock.url}/elsewhere`);
    await send(url, { headers: { prefer: 'code=404', authorization: `Bearer ${API_KEY}` } });
    const text = await readFile(file, 'utf8');
    expect(text).to.not.contain(API_KEY);
    const entries = await lines(file);
    expect(entries.map((entry) => [entry.index, entry.verdict, entry.response.status])).to.deep.equal([
      [0, 'valid', 200], [1, 'violation', 400], [2, 'violation', 401], [3, 'unmatched', 404], [4, 'valid', 404],
    ]);
    const [valid, invalid, keyless, unmatched, preferred] = entries;
    expect(valid?.request).to.deep.include({ method: 'PATCH', path: '/api/v1/customers/acme/integrations/int-1', body: { syncedEntityId: 'cus_1' } });
    expect(valid?.request.headers['x-api-key']).to.equal('[REDACTED]');
    expect(valid?.response.source).to.equal('generated');
    expect(valid?.seed).to.be.a('number');
    expect(invalid?.issues.map((issue) => `${issue.part}${issue.pointer}:${issue.keyword}`)).to.deep.equal(['path/id:pattern']);
    expect(invalid?.request.body).to.deep.equal({ syncedEntityId: '[REDACTED]' });
    expect(keyless?.issues.map((issue) => issue.pointer)).to.include('/x-api-key');
    expect(unmatched?.reason).to.contain('does not match');
    expect(preferred?.request.headers['authorization']).to.equal('[REDACTED]');
    expect(Date.parse(valid?.time ?? '')).to.be.a('number').and.not.NaN;
  });

  it('appends to an existing file, and refuses a log it cannot open (exit-2 error)', async () => {
    const dir = await tempDir();
    const file = join(dir, 'mock.log');
    for (let run = 0; run < 2; run++) {
      const mock = await startMock({ logFile: file });
      await send(mock.operationUrl('acme', 'int-1'));
      await mock.close();
    }
    expect((await lines(file)).map((entry) => entry.index)).to.deep.equal([0, 0]);
    const error = await ConformanceLog.open(join(dir, 'no', 'such', 'dir.log')).then(() => undefined, (caught: unknown) => caught);
    expect(error).to.be.instanceOf(ConfigurationError);
  });
});
