/**
 * Every error the server reports, in one table: a stable code, its HTTP status and its WebSocket
 * close code. Use cases throw `DomainError`s and never know about HTTP, because jobs, the CLI and
 * the WebSocket layer call them too.
 */
export const ERRORS = {
  VALIDATION_ERR_BODY: { http: 400, ws: 4400 },
  VALIDATION_ERR_QUERY: { http: 400, ws: 4400 },
  AUTH_ERR_MISSING_TOKEN: { http: 401, ws: 4401 },
  AUTH_ERR_INVALID_TOKEN: { http: 401, ws: 4401 },
  AUTH_ERR_BAD_CREDENTIALS: { http: 401, ws: 4401 },
  AUTH_ERR_FORBIDDEN: { http: 403, ws: 4403 },
  AUTH_ERR_WRONG_CONVERSATION: { http: 403, ws: 4403 },
  RATE_ERR_LIMITED: { http: 429, ws: 4429 },
  CONVERSATION_ERR_NOT_FOUND: { http: 404, ws: 4404 },
  CONVERSATION_ERR_ILLEGAL_TRANSITION: { http: 409, ws: 4409 },
  CONVERSATION_ERR_NOT_YOURS: { http: 409, ws: 4409 },
  HANDOFF_ERR_NOT_FOUND: { http: 404, ws: 4404 },
  HANDOFF_ERR_ALREADY_ACCEPTED: { http: 409, ws: 4409 },
  HANDOFF_ERR_NOT_ASSIGNED: { http: 409, ws: 4409 },
  HANDOFF_ERR_ALREADY_RESOLVED: { http: 409, ws: 4409 },
  AGENT_ERR_NOT_FOUND: { http: 404, ws: 4404 },
  AGENT_ERR_EMAIL_TAKEN: { http: 409, ws: 4409 },
  AGENT_ERR_AT_CAPACITY: { http: 409, ws: 4409 },
  TEAM_ERR_NOT_FOUND: { http: 404, ws: 4404 },
  TEAM_ERR_NAME_TAKEN: { http: 409, ws: 4409 },
  CUSTOMER_ERR_NOT_FOUND: { http: 404, ws: 4404 },
  CSAT_ERR_NOT_RESOLVED: { http: 409, ws: 4409 },
  CSAT_ERR_ALREADY_GIVEN: { http: 409, ws: 4409 },
  POLICY_ERR_INVALID: { http: 400, ws: 4400 },
  POLICY_ERR_VERSION_CONFLICT: { http: 409, ws: 4409 },
  ROUTE_ERR_NOT_FOUND: { http: 404, ws: 4404 },
  KB_ERR_NOT_CONFIGURED: { http: 409, ws: 4409 },
  KB_ERR_FORMAT: { http: 400, ws: 4400 },
  NOTIFY_ERR_ENDPOINT_NOT_FOUND: { http: 404, ws: 4404 },
  NOTIFY_ERR_DELIVERY_NOT_FOUND: { http: 404, ws: 4404 },
  NOTIFY_ERR_INVALID_TARGET: { http: 400, ws: 4400 },
  INTERNAL_ERR: { http: 500, ws: 1011 },
} as const satisfies Record<string, { http: number; ws: number }>;

export type ErrorCode = keyof typeof ERRORS;

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
}

/** The wire shape of every error: `{error:{code, message, field?}}`. */
export function errorBody(err: DomainError): { error: { code: string; message: string; field?: string } } {
  return { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
}
