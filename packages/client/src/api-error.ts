/**
 * A failed call, from the server's error body `{error:{code,message,field}}`. A lost network is
 * status 0 with the code `NETWORK_ERR`; a body that is not the error contract keeps the status
 * with the code `HTTP_ERR`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** A lost network, a server error or a rate limit: the same request may simply be sent again. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  /** The conversation or its token is gone (e.g. the demo server was restarted on an in-memory database). */
  get sessionLost(): boolean {
    return this.status === 401 || this.status === 404 || this.code === 'AUTH_ERR_WRONG_CONVERSATION';
  }
}

/** The code of an `ApiError` for a request that never reached the server. */
export const NETWORK_ERR = 'NETWORK_ERR';

/** A thrown value as one line for the person at the screen. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
