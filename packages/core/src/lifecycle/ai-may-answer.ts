import type { ConversationStatus } from './conversation-status.js';

/**
 * Whether the AI may answer the customer's question itself. Only in `ai`: once the customer
 * has been promised a human (waiting, callback) or has one (assigned), an AI answer would
 * contradict the promise, so the AI only sends system acknowledgements (queue position, the
 * wait) and may suggest replies to the agent. In `resolved` the conversation must first be
 * reopened (`reopened` → ai), so the policy decides before anyone answers.
 */
export function aiMayAnswer(status: ConversationStatus): boolean {
  return status === 'ai';
}
