/** What a code means to a client: its HTTP status, its WebSocket close code and a message a person can read. */
export interface TErrorInfo {
  /** The HTTP status of a response carrying this code. */
  status: number;
  /** The close code of a WebSocket closed with this code (4000 + the HTTP status, or 1011). */
  wsClose: number;
  /** A user-facing sentence, safe to show as is; the response's own `message` says more, for developers. */
  message: string;
}

/**
 * Every error code the server can send, in one table (the model is fastify's `lib/errors.js`). The
 * server maps an error to its HTTP status and WebSocket close code by looking its code up here,
 * in one place; the web apps and the CLI read the user-facing messages from here too. No imports,
 * so a web app can take it from `@baton/contracts/errors` without bundling zod.
 */
export const ERRORS = {
  VALIDATION_ERR_BODY: { status: 400, wsClose: 4400, message: 'Some of what was sent is not valid.' },
  VALIDATION_ERR_QUERY: { status: 400, wsClose: 4400, message: 'The request’s parameters are not valid.' },
  VALIDATION_ERR_TEXT: { status: 400, wsClose: 4400, message: 'Some of the text sent contains characters that cannot be stored.' },
  VALIDATION_ERR_TOO_LARGE: { status: 413, wsClose: 4413, message: 'What was sent is too large.' },
  VALIDATION_ERR_HEADERS_TOO_LARGE: { status: 431, wsClose: 4431, message: 'The request’s headers are too large.' },
  VALIDATION_ERR_URL: { status: 400, wsClose: 4400, message: 'The address of the request is not valid.' },
  STREAM_ERR_NOT_WEBSOCKET: { status: 426, wsClose: 4426, message: 'The stream is a WebSocket; connect with a WebSocket client.' },
  AUTH_ERR_MISSING_TOKEN: { status: 401, wsClose: 4401, message: 'Please sign in.' },
  AUTH_ERR_INVALID_TOKEN: { status: 401, wsClose: 4401, message: 'Your session has expired; please sign in again.' },
  AUTH_ERR_BAD_CREDENTIALS: { status: 401, wsClose: 4401, message: 'Wrong email or password.' },
  AUTH_ERR_FORBIDDEN: { status: 403, wsClose: 4403, message: 'You are not allowed to do this.' },
  AUTH_ERR_WRONG_CONVERSATION: { status: 403, wsClose: 4403, message: 'This link belongs to another conversation.' },
  AUTH_ERR_SESSION_ENDED: { status: 401, wsClose: 4401, message: 'Your session has ended; please sign in again.' },
  AUTH_ERR_ACCOUNT_DISABLED: { status: 403, wsClose: 4403, message: 'This account is disabled; ask an administrator.' },
  AUTH_ERR_LOGIN_LOCKED: { status: 429, wsClose: 4429, message: 'Too many failed sign-ins; please wait before trying again.' },
  AUTH_ERR_WEAK_PASSWORD: { status: 400, wsClose: 4400, message: 'This password is too weak; choose a longer, less common one.' },
  AUTH_ERR_OTHER_TEAM: { status: 403, wsClose: 4403, message: 'This handoff is for another team.' },
  RATE_ERR_LIMITED: { status: 429, wsClose: 4429, message: 'Too many requests; please wait a moment and try again.' },
  CONVERSATION_ERR_NOT_FOUND: { status: 404, wsClose: 4404, message: 'This conversation no longer exists.' },
  CONVERSATION_ERR_ILLEGAL_TRANSITION: { status: 409, wsClose: 4409, message: 'This conversation cannot do that in its current state.' },
  CONVERSATION_ERR_NOT_YOURS: { status: 409, wsClose: 4409, message: 'This conversation is assigned to another agent.' },
  HANDOFF_ERR_NOT_FOUND: { status: 404, wsClose: 4404, message: 'This handoff no longer exists.' },
  HANDOFF_ERR_ALREADY_ACCEPTED: { status: 409, wsClose: 4409, message: 'Someone already accepted this handoff.' },
  HANDOFF_ERR_NOT_ASSIGNED: { status: 409, wsClose: 4409, message: 'Accept the handoff first.' },
  HANDOFF_ERR_ALREADY_RESOLVED: { status: 409, wsClose: 4409, message: 'This handoff is already closed.' },
  HANDOFF_ERR_AGENT_AT_CAPACITY: { status: 409, wsClose: 4409, message: 'You are at your capacity: resolve, hand back or transfer a conversation first, or ask a supervisor to override.' },
  HANDOFF_ERR_OVERRIDE_FORBIDDEN: { status: 403, wsClose: 4403, message: 'Only a supervisor or an admin can accept beyond capacity.' },
  CALLBACK_ERR_NOT_FOUND: { status: 404, wsClose: 4404, message: 'This handoff has no callback or email reply still to work.' },
  CALLBACK_ERR_NOT_A_CALL: { status: 409, wsClose: 4409, message: '"No answer" is for a phone callback; an email reply is answered or done.' },
  CANNED_ERR_NOT_FOUND: { status: 404, wsClose: 4404, message: 'This canned reply no longer exists.' },
  CANNED_ERR_SHORTCUT_TAKEN: { status: 409, wsClose: 4409, message: 'Another canned reply already uses this shortcut.' },
  AGENT_ERR_NOT_FOUND: { status: 404, wsClose: 4404, message: 'No such agent.' },
  AGENT_ERR_EMAIL_TAKEN: { status: 409, wsClose: 4409, message: 'An agent with this email already exists.' },
  AGENT_ERR_LAST_ADMIN: { status: 409, wsClose: 4409, message: 'At least one active administrator must remain.' },
  AGENT_ERR_AT_CAPACITY: { status: 409, wsClose: 4409, message: 'This agent has no free slot.' },
  TEAM_ERR_NOT_FOUND: { status: 404, wsClose: 4404, message: 'No such team.' },
  TEAM_ERR_NAME_TAKEN: { status: 409, wsClose: 4409, message: 'A team with this name already exists.' },
  CUSTOMER_ERR_NOT_FOUND: { status: 404, wsClose: 4404, message: 'No such customer.' },
  CONVERSATION_ERR_RESUME_INVALID: { status: 403, wsClose: 4403, message: 'This link to continue the conversation is not valid. Please use the latest link we emailed you, or start a new chat.' },
  CONVERSATION_ERR_RESUME_USED: { status: 409, wsClose: 4409, message: 'This link to continue the conversation was already used: each link opens it once. Continue where you opened it, or reply to our latest email.' },
  CONVERSATION_ERR_RESUME_EXPIRED: { status: 410, wsClose: 4410, message: 'This link to continue the conversation has expired. Please reply to our latest email, or start a new chat.' },
  CONVERSATION_ERR_CHANNEL_REFUSED: { status: 400, wsClose: 4400, message: 'A conversation by email starts with a mail to our support address.' },
  CHANNEL_ERR_STARTS_IN_APP: { status: 400, wsClose: 4400, message: 'A WhatsApp, Messenger or Instagram conversation starts with a message in that app.' },
  CHANNEL_ERR_NOT_CONFIGURED: { status: 403, wsClose: 4403, message: 'This messaging channel is not set up.' },
  CHANNEL_ERR_VERIFY_TOKEN: { status: 403, wsClose: 4403, message: 'The webhook verification token does not match.' },
  CHANNEL_ERR_SIGNATURE_MISSING: { status: 401, wsClose: 4401, message: 'The webhook delivery is not signed.' },
  CHANNEL_ERR_SIGNATURE_INVALID: { status: 401, wsClose: 4401, message: 'The webhook delivery’s signature does not match.' },
  CHANNEL_ERR_BAD_PAYLOAD: { status: 400, wsClose: 4400, message: 'The webhook delivery is not one this channel sends.' },
  IDENTITY_ERR_HASH_INVALID: { status: 401, wsClose: 4401, message: 'We could not confirm who you are; please reload the page or sign in again on our site.' },
  IDENTITY_ERR_NO_ADDRESS: { status: 400, wsClose: 4400, message: 'Please give the email address on your account first.' },
  IDENTITY_ERR_CODE_INVALID: { status: 400, wsClose: 4400, message: 'That code is not right; please check it and try again.' },
  IDENTITY_ERR_CODE_EXPIRED: { status: 400, wsClose: 4400, message: 'That code has expired or was tried too often; please ask for a new one.' },
  IDENTITY_ERR_CODE_LIMITED: { status: 429, wsClose: 4429, message: 'Too many codes were asked for; please wait a few minutes and try again.' },
  CSAT_ERR_NOT_RESOLVED: { status: 409, wsClose: 4409, message: 'You can rate the conversation once it is resolved.' },
  CSAT_ERR_ALREADY_GIVEN: { status: 409, wsClose: 4409, message: 'This conversation was already rated.' },
  POLICY_ERR_INVALID: { status: 400, wsClose: 4400, message: 'The policy is not valid.' },
  POLICY_ERR_SYNTAX: { status: 400, wsClose: 4400, message: 'The policy file cannot be read.' },
  POLICY_ERR_NOT_FOUND: { status: 409, wsClose: 4409, message: 'The configured policy file does not exist.' },
  POLICY_ERR_VERSION_CONFLICT: { status: 409, wsClose: 4409, message: 'The policy changed meanwhile; reload and try again.' },
  ATTACHMENT_ERR_TYPE: { status: 415, wsClose: 4415, message: 'This kind of file cannot be sent; please send a picture (PNG, JPEG, GIF, WebP) or a PDF.' },
  ATTACHMENT_ERR_TOO_LARGE: { status: 413, wsClose: 4413, message: 'This file is too large to send.' },
  ATTACHMENT_ERR_EMPTY: { status: 400, wsClose: 4400, message: 'This file is empty.' },
  ATTACHMENT_ERR_NOT_FOUND: { status: 404, wsClose: 4404, message: 'This file is not available.' },
  ATTACHMENT_ERR_ALREADY_SENT: { status: 409, wsClose: 4409, message: 'This file was already sent in another message.' },
  ATTACHMENT_ERR_ID_REUSED: { status: 409, wsClose: 4409, message: 'This upload key was already used for another file.' },
  ATTACHMENT_ERR_STORAGE: { status: 503, wsClose: 4503, message: 'The file could not be stored right now; please try again.' },
  TEMPLATE_ERR_INVALID: { status: 400, wsClose: 4400, message: 'The email template is not valid.' },
  ROUTE_ERR_NOT_FOUND: { status: 404, wsClose: 4404, message: 'Not found.' },
  LLM_ERR_NOT_CONFIGURED: { status: 409, wsClose: 4409, message: 'No language model is configured on this server (BATON_LLM).' },
  KB_ERR_NOT_CONFIGURED: { status: 409, wsClose: 4409, message: 'This server cannot reload its knowledge base.' },
  KB_ERR_FORMAT: { status: 400, wsClose: 4400, message: 'An article of the knowledge base is not valid.' },
  // A KB folder that cannot be used at all: the server keeps the KB in force, as when none is configured.
  KB_ERR_NOT_FOUND: { status: 409, wsClose: 4409, message: 'The knowledge base folder does not exist.' },
  KB_ERR_NOT_DIR: { status: 409, wsClose: 4409, message: 'The knowledge base must be a folder of Markdown articles.' },
  KB_ERR_EMPTY: { status: 409, wsClose: 4409, message: 'The knowledge base folder has no articles.' },
  NOTIFY_ERR_ENDPOINT_NOT_FOUND: { status: 404, wsClose: 4404, message: 'No such notification endpoint.' },
  NOTIFY_ERR_DELIVERY_NOT_FOUND: { status: 404, wsClose: 4404, message: 'No such delivery.' },
  NOTIFY_ERR_INVALID_TARGET: { status: 400, wsClose: 4400, message: 'The notification target is not valid.' },
  NOTIFY_ERR_TARGET_FORBIDDEN: { status: 400, wsClose: 4400, message: 'The notification target is an internal address; an admin must allow it first.' },
  LISTENER_ERR_DEAD_LETTER_NOT_FOUND: { status: 404, wsClose: 4404, message: 'No such dead letter.' },
  LISTENER_ERR_NOT_RUNNING: { status: 409, wsClose: 4409, message: 'This server does not run that listener; try the node that runs the workers.' },
  INTEGRATION_ERR_OFF: { status: 403, wsClose: 4403, message: 'This integration is not configured on this server.' },
  INTEGRATION_ERR_SIGNATURE_MISSING: { status: 401, wsClose: 4401, message: 'The request is not signed.' },
  INTEGRATION_ERR_SIGNATURE_INVALID: { status: 401, wsClose: 4401, message: 'The request’s signature does not match.' },
  INTEGRATION_ERR_STALE_TIMESTAMP: { status: 401, wsClose: 4401, message: 'The request’s timestamp is too old or in the future.' },
  HEALTH_ERR_UNAVAILABLE: { status: 503, wsClose: 4503, message: 'The service is not available right now.' },
  SERVER_ERR_BUSY: { status: 503, wsClose: 4503, message: 'We are very busy right now; please try again in a moment.' },
  SERVER_ERR_STOPPING: { status: 503, wsClose: 4503, message: 'This server is restarting; please try again in a moment.' },
  METRICS_ERR_OFF: { status: 404, wsClose: 4404, message: 'Metrics are not served here.' },
  INTERNAL_ERR: { status: 500, wsClose: 1011, message: 'Something went wrong on our side; it has been logged.' },
} as const satisfies Record<string, TErrorInfo>;

export type TErrorCode = keyof typeof ERRORS;

/** Whether `code` is one of the catalogue's codes. */
export function isErrorCode(code: unknown): code is TErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, code);
}

/** The catalogue's entry for any code: an unknown one is a 500 with a generic message (`INTERNAL_ERR`'s). */
export function errorInfo(code: unknown): TErrorInfo {
  return isErrorCode(code) ? ERRORS[code] : ERRORS.INTERNAL_ERR;
}
