export { ApiError, NETWORK_ERR, errorText } from './api-error.js';
export { HttpClient } from './http-client.js';
export type { Credentials, HttpClientOptions, Method } from './http-client.js';
export { StreamClient, streamUrl } from './stream-client.js';
export type { SocketLike, StreamHandlers, StreamOptions, StreamStatus } from './stream-client.js';
export { renderMarkdown, safeHref } from './markdown.js';
export type { CreateElement } from './markdown.js';
