import type { ChatwootConfig } from '../../config.js';
import type { ApiCallResult } from './post-json.js';
import { postJson } from './post-json.js';

/** A message Baton posts into a Chatwoot conversation as the agent bot. */
export interface ChatwootMessage {
  content: string;
  /** True for a private note only agents see (the brief). */
  private?: boolean;
  /** `input_select` shows `items` as buttons the customer picks from. */
  contentType?: 'text' | 'input_select';
  items?: { title: string; value: string }[];
}

/** Chatwoot's priorities (`toggle_priority`). */
export type ChatwootPriority = 'low' | 'medium' | 'high' | 'urgent';

/**
 * Chatwoot's application API, as the agent bot (`api_access_token`): each call names the account
 * and the conversation, as Chatwoot's URLs do.
 */
export interface ChatwootClient {
  /** `POST /api/v1/accounts/{account}/conversations/{id}/messages`. */
  postMessage(accountId: number, conversationId: number, m: ChatwootMessage): Promise<ApiCallResult>;
  /** `POST …/toggle_status`: `open` hands the conversation to the inbox's agents (Chatwoot's `bot_handoff`). */
  toggleStatus(accountId: number, conversationId: number, status: 'open' | 'pending'): Promise<ApiCallResult>;
  /** `POST …/toggle_priority`. */
  togglePriority(accountId: number, conversationId: number, priority: ChatwootPriority): Promise<ApiCallResult>;
  /** `POST …/assignments` with a team: refused (401/403/404) when the bot's token may not assign. */
  assignTeam(accountId: number, conversationId: number, teamId: number): Promise<ApiCallResult>;
}

export function createChatwootClient(config: ChatwootConfig, opts: { outboundAllow: readonly string[] }): ChatwootClient {
  const call = (accountId: number, conversationId: number, action: string, body: unknown) =>
    postJson(`${config.url}/api/v1/accounts/${accountId}/conversations/${conversationId}/${action}`, { api_access_token: config.botToken }, body, { timeoutMs: config.timeoutMs, outboundAllow: opts.outboundAllow });
  return {
    postMessage: (accountId, conversationId, m) =>
      call(accountId, conversationId, 'messages', {
        content: m.content,
        message_type: 'outgoing',
        private: m.private ?? false,
        ...(m.contentType === 'input_select' ? { content_type: 'input_select', content_attributes: { items: m.items ?? [] } } : {}),
      }),
    toggleStatus: (accountId, conversationId, status) => call(accountId, conversationId, 'toggle_status', { status }),
    togglePriority: (accountId, conversationId, priority) => call(accountId, conversationId, 'toggle_priority', { priority }),
    assignTeam: (accountId, conversationId, teamId) => call(accountId, conversationId, 'assignments', { team_id: teamId }),
  };
}
