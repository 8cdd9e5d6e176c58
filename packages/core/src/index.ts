export * from './conversation.js';
export * from './text/normalize.js';
