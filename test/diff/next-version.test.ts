/**
 * The shipped contract (Stigg API 7.64.2) against the next-version fixture written for the tests (7.65.0): every
 * change listed, with its level and direction; the vendors the official SDK added are a warning on the response
 * side because strict clients break. Pointers resolve in both documents.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { atPointer, loadContract } from '../../src/contract/index.js';
import type { Contract } from '../../src/contract/types.js';
import { diffContracts, type Change } from '../../src/diff/index.js';
import { SEED_FIXTURES, startReferenceProvider } from '../../src/provider/index.js';
import { openContract } from '../../src/validators/index.js';
import { verify } from '../../src/verify.js';

const NEXT = fileURLToPath(new URL('../fixtures/contracts/stigg-api-7.65.0.openapi.yaml', import.meta.url));
const MANY = fileURLToPath(new URL('../fixtures/contracts/many-operations.yaml', import.meta.url));
const line = (c: Change): string => `${c.level} ${c.direction} ${c.rule} | ${c.where} | ${c.message}`;

describe('diff: Stigg API 7.64.2 → the 7.65.0 fixture', () => {
  let shipped: Contract;
  let next: Contract;
  before(async () => {
    [shipped, next] = await Promise.all([loadContract(), loadContract(NEXT)]);
  });

  it('lists every change with its level and direction', () => {
    const diff = diffContracts(shipped, next);
    expect([diff.old.title, diff.old.version, diff.new.version]).to.deep.equal(['Stigg API', '7.64.2', '7.65.0']);
    expect(diff.changes.map(line)).to.deep.equal([
      'info request security-alternative-added | security | new way in: http bearer',
      'info request optional-parameter-added | header X-REQUEST-ID | added (optional)',
      'info request length-narrowed | path parameter integrationId | minLength none → 1',
      'warning response enum-value-added | response 200 body /data/vendorIdentifier | enum values added: AIRWALLEX, STRIPE_INVOICING',
      'breaking response length-widened | response 200 body /data/syncedEntityId | maxLength 255 → 512',
      'warning response branch-added | response 200 body /data/syncData | oneOf branch added: SyncRevisionInvoicingData',
      'info response required-added | response 200 body /data/syncData | required now',
      'info response pattern-added | response 400 body /message | pattern none → \\S',
      'breaking response type-widened | response 401 body /message | type string → any',
      'breaking response became-nullable | response 401 body /message | null allowed now',
      'breaking response became-nullable | response 403 body /message | null allowed now',
      'info response enum-value-removed | response 404 body /code | enum values removed: VendorIsNotSupported',
      'info response error-status-added | response 409 | status 409 added (The integration is being synced.)',
      'info response response-header-added | response 429 header Retry-After | added (required)',
    ]);
  });

  it('the added vendors: a warning on the response side, because strict clients break', () => {
    const vendors = diffContracts(shipped, next).changes.find((c) => c.where === 'response 200 body /data/vendorIdentifier');
    expect(vendors).to.deep.include({ rule: 'enum-value-added', level: 'warning', direction: 'response', readings: ['strict', 'intent'] });
    // Structured for tools (the mock serves them with --contract-next): where, and the values added.
    expect(vendors).to.deep.include({ part: 'response 200 body', path: '/data/vendorIdentifier', added: ['AIRWALLEX', 'STRIPE_INVOICING'] });
    const branch = diffContracts(shipped, next).changes.find((c) => c.rule === 'branch-added');
    expect(branch).to.deep.include({ part: 'response 200 body', path: '/data/syncData', added: ['SyncRevisionInvoicingData'] });
    expect(vendors?.why).to.match(/^strict clients break: .* exhaustively .*; tolerant clients do not$/);
    const pointer = '/components/schemas/CustomerIntegrationResponseDto/properties/data/properties/vendorIdentifier/enum';
    expect([vendors?.oldPointer, vendors?.newPointer]).to.deep.equal([pointer, pointer]);
  });

  it('points into both documents: every pointer resolves there', () => {
    for (const change of diffContracts(shipped, next).changes) {
      expect(atPointer(shipped.document, change.oldPointer), `old ${change.oldPointer}`).to.not.equal(undefined);
      expect(atPointer(next.document, change.newPointer), `new ${change.newPointer}`).to.not.equal(undefined);
    }
  });

  it('read backwards, each change turns into its mirror image', () => {
    const back = diffContracts(next, shipped).changes.map((c) => `${c.level} ${c.direction} ${c.rule} | ${c.where}`);
    expect(back).to.deep.equal([
      'breaking request security-alternative-removed | security',
      'info request length-widened | path parameter integrationId',
      'warning request parameter-removed | header X-REQUEST-ID',
      'info response enum-value-removed | response 200 body /data/vendorIdentifier',
      'info response length-narrowed | response 200 body /data/syncedEntityId',
      'info response branch-removed | response 200 body /data/syncData',
      'breaking response required-removed | response 200 body /data/syncData',
      'warning response pattern-removed | response 400 body /message',
      'info response type-narrowed | response 401 body /message',
      'info response became-not-nullable | response 401 body /message',
      'info response became-not-nullable | response 403 body /message',
      'warning response enum-value-added | response 404 body /code',
      'breaking response required-response-header-removed | response 429 header Retry-After',
      'info response error-status-removed | response 409',
    ]);
  });

  it('finds no change between the shipped document and the many-operation one on the shipped operation', async () => {
    const diff = diffContracts(shipped, await loadContract(MANY));
    expect(diff.changes).to.deep.equal([]);
    expect(diff.new.operation).to.equal('PATCH /api/v1/customers/{id}/integrations/{integrationId} (CustomerIntegrationsController_updateIntegration)');
  });

  it('a provider that conforms to 7.64.2 answers within 7.65.0 too: only holding the new values is drift', async function () {
    this.timeout(60_000);
    const apiKey = 'sk_test_next_version_0123456789';
    const provider = await startReferenceProvider({ port: 0, host: '127.0.0.1', apiKey });
    try {
      // No state URL: the seeded records only, since a 7.64.2 provider cannot hold AIRWALLEX or an invoicing syncData.
      const fixtures = SEED_FIXTURES.slice(0, 3).map(({ customerId, integrationId }) => `${customerId}/${integrationId}`);
      const result = await verify(await openContract(NEXT), { baseUrl: provider.url, apiKey, fixtures, runs: 60, seed: 5, skipPacts: true, failures: false });
      expect(result.exitCode, JSON.stringify(result.report.findings.map((group) => group.finding.message))).to.equal(0);
    } finally {
      await provider.close();
    }
  });
});
