/**
 * The address of the one operation this client calls. The client does not read the contract file (only src/contract
 * does); test/client/operation.test.ts proves these names equal the contract's.
 */
export const OPERATION = {
  method: 'PATCH',
  pathTemplate: '/api/v1/customers/{id}/integrations/{integrationId}',
  apiKeyHeader: 'X-API-KEY',
  accountHeader: 'X-ACCOUNT-ID',
  environmentHeader: 'X-ENVIRONMENT-ID',
} as const;
