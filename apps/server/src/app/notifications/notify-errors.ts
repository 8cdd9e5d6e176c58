import { DomainError } from '../../errors.js';

/** The notification error codes (their HTTP statuses are in `errors.ts`). */
export type NotifyErrorCode = 'NOTIFY_ERR_ENDPOINT_NOT_FOUND' | 'NOTIFY_ERR_DELIVERY_NOT_FOUND' | 'NOTIFY_ERR_INVALID_TARGET';

/** A DomainError for a notification failure. */
export function notifyError(code: NotifyErrorCode, message: string, field?: string): DomainError {
  return new DomainError(code, message, field);
}
