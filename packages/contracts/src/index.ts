export * from './eval.schema.js';
export * from './policy.schema.js';
export * from './reason-codes.js';
export * from './http.schema.js';
export * from './notifications.schema.js';
export * from './email.schema.js';
export * from './reports.types.js';
