import { ERRORS, errorInfo, isErrorCode } from '@baton/contracts';
import type { TErrorCode } from '@baton/contracts';
import { IllegalTransitionError } from '@baton/core';
import { FileError } from './adapters/files/file-error.js';

/**
 * Every code the server reports, its HTTP status, WebSocket close code and user-facing message,
 * live in one table: `ERRORS` in `@baton/contracts` (the web apps read it too). Use cases throw
 * `DomainError`s and never know about HTTP, because jobs, the CLI and the WebSocket layer call
 * them too; `mapError` below is the one place an error becomes a status or a close code.
 */
export { ERRORS };
export type ErrorCode = TErrorCode;

/** An expected failure, with a stable code, a message for logs and developers, and the field at fault. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The catalogue's sentence for this code, safe to show to a customer or an agent as is. */
  get userMessage(): string {
    return errorInfo(this.code).message;
  }
}

/** The wire shape of every error: `{error:{code, message, field?}}`. */
export function errorBody(err: DomainError): { error: { code: string; message: string; field?: string } } {
  return { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
}

/** What a thrown error becomes on the wire. `expected` is false for a fault worth logging. */
export interface MappedError {
  status: number;
  wsClose: number;
  code: ErrorCode;
  body: { error: { code: string; message: string; field?: string } };
  expected: boolean;
}

const GENERIC = new DomainError('INTERNAL_ERR', 'something went wrong on our side; it has been logged');

/** The few errors that are not `DomainError`s yet carry a meaning: a class from core, or fastify's own. */
function asDomainError(err: unknown): DomainError | null {
  if (err instanceof DomainError) return err;
  // Core's own typed error carries a catalogue code: it maps by that code like any other.
  if (err instanceof IllegalTransitionError) return new DomainError(err.code, err.message);
  // A KB folder or policy file that cannot be used (a reload, a check): its code is in the catalogue too.
  if (err instanceof FileError && isErrorCode(err.code)) return new DomainError(err.code, err.message);
  const e = err as { statusCode?: number; code?: string; message?: string } | null;
  if (e && (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (e.statusCode === 400 && /JSON/i.test(e.message ?? '')))) {
    return new DomainError('VALIDATION_ERR_BODY', `the body must be JSON: ${e.message}`);
  }
  if (e?.statusCode === 413) return new DomainError('VALIDATION_ERR_TOO_LARGE', 'the body is too large');
  if (e?.code === 'FST_ERR_BAD_URL') return new DomainError('VALIDATION_ERR_URL', 'the path is not a valid URL (a bad percent-encoding?)');
  // Any other refusal of fastify's own (a bad Content-Length, an unsupported encoding) is the client's.
  if (e?.code?.startsWith('FST_ERR') && e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) return new DomainError('VALIDATION_ERR_BODY', e.message ?? 'the request is not valid');
  return null;
}

/**
 * The one translation of a thrown error into an HTTP status, a WebSocket close code and a body,
 * by code through `ERRORS`. A code missing from the catalogue, or an error that is not a known
 * kind, is a 500 (close 1011) with a generic message: its details stay in the log.
 */
export function mapError(err: unknown): MappedError {
  const d = asDomainError(err);
  if (!d || !isErrorCode(d.code)) return { status: ERRORS.INTERNAL_ERR.status, wsClose: ERRORS.INTERNAL_ERR.wsClose, code: 'INTERNAL_ERR', body: errorBody(GENERIC), expected: false };
  const info = ERRORS[d.code];
  return { status: info.status, wsClose: info.wsClose, code: d.code, body: errorBody(d), expected: true };
}
