/** The base of every error the client throws; messages never contain the API key. */
export class StiggClientError extends Error {
  override readonly name: string = 'StiggClientError';
}
