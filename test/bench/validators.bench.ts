/** Validator throughput, compile time at load, and memory (issue 2). */
import { loadContract, selectOperation } from '../../src/contract/index.js';
import { bindOperation } from '../../src/validators/index.js';
import type { BenchModule } from './harness.js';

export const bench: BenchModule = async ({ record, throughput, heapMiB }) => {
  const contract = await loadContract();
  const operation = selectOperation(contract);
  const before = heapMiB();
  const started = performance.now();
  const bound = bindOperation(contract, operation);
  record({ name: 'validators: lint + compile both readings at load', value: performance.now() - started, unit: 'ms' });
  record({ name: 'validators: heap held by the compiled validators', value: heapMiB() - before, unit: 'MiB' });

  const request = {
    method: 'PATCH',
    path: '/api/v1/customers/Acme_Corp%7Ceu.west@prod-01/integrations/int-1',
    headers: { 'x-api-key': 'k', 'content-type': 'application/json', 'x-account-id': 'acc' },
    rawBody: '{"syncedEntityId":"cus_123"}',
  };
  const response = {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    rawBody: JSON.stringify({ data: { id: 'int-1', vendorIdentifier: 'STRIPE', syncedEntityId: 'cus_123', syncData: { billingId: 'b', billingLinkUrl: 'https://x', priceGroupPackageBillingId: 'p' } } }),
  };
  const invalid = { ...request, rawBody: `{"syncedEntityId":${JSON.stringify('x'.repeat(300))},"extra":1}` };
  if (bound.validateRequest(request).verdict !== 'valid') throw new Error('bench request must be valid');
  record({ name: 'validators: valid request (path+headers+body, both readings)', value: throughput(() => bound.validateRequest(request)), unit: 'validations/s' });
  record({ name: 'validators: invalid request (errors collected)', value: throughput(() => bound.validateRequest(invalid)), unit: 'validations/s' });
  record({ name: 'validators: 200 response (price billing syncData)', value: throughput(() => bound.validateResponse(response)), unit: 'validations/s' });
  const heapBefore = heapMiB();
  for (let i = 0; i < 100_000; i++) bound.validateRequest(request);
  record({ name: 'validators: heap growth over 100k validations', value: heapMiB() - heapBefore, unit: 'MiB' });
};
