import type { ZendeskConfig } from '../../config.js';
import type { ApiCallResult } from './post-json.js';
import { postJson } from './post-json.js';

/** Zendesk's Agent Workspace in the messaging switchboard: where a handoff passes control. */
export const AGENT_WORKSPACE = 'zd:agentWorkspace';

/**
 * Zendesk messaging through the Sunshine Conversations API (`{account}/sc/v2`), with a
 * Conversations API key (HTTP Basic, key id and secret).
 */
export interface ZendeskMessagingClient {
  /** `POST /v2/apps/{app}/conversations/{id}/messages` as the business; `replies` become reply buttons. */
  postMessage(conversationId: string, text: string, replies?: { text: string; payload: string }[]): Promise<ApiCallResult>;
  /** `POST /v2/apps/{app}/conversations/{id}/passControl` to the Agent Workspace, the ticket's fields as metadata. */
  passControl(conversationId: string, metadata: Record<string, string>): Promise<ApiCallResult>;
}

export function createZendeskMessagingClient(config: ZendeskConfig & { messaging: NonNullable<ZendeskConfig['messaging']> }, opts: { outboundAllow: readonly string[] }): ZendeskMessagingClient {
  const { appId, keyId, keySecret } = config.messaging;
  const auth = `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`;
  const call = (conversationId: string, action: string, body: unknown) =>
    postJson(`${config.url}/sc/v2/apps/${encodeURIComponent(appId)}/conversations/${encodeURIComponent(conversationId)}/${action}`, { authorization: auth }, body, { timeoutMs: config.timeoutMs, outboundAllow: opts.outboundAllow });
  return {
    postMessage: (conversationId, text, replies = []) =>
      call(conversationId, 'messages', { author: { type: 'business' }, content: { type: 'text', text, ...(replies.length ? { actions: replies.map((r) => ({ type: 'reply', text: r.text, payload: r.payload })) } : {}) } }),
    passControl: (conversationId, metadata) => call(conversationId, 'passControl', { switchboardIntegration: AGENT_WORKSPACE, metadata }),
  };
}
