import { DomainError } from '../../errors.js';
import type { ErrorCode } from '../../errors.js';

/** The notification error codes (their HTTP statuses are in the contracts' `ERRORS`). */
export type NotifyErrorCode = Extract<ErrorCode, `NOTIFY_ERR_${string}`>;

/** A DomainError for a notification failure. */
export function notifyError(code: NotifyErrorCode, message: string, field?: string): DomainError {
  return new DomainError(code, message, field);
}
