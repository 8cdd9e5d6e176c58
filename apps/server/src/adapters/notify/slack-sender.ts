import { httpPost } from './http-post.js';
import type { SendOptions, SendResult } from './send-result.js';

/** POSTs a Slack incoming-webhook message (`{text, blocks}`); the URL is the credential. */
export function sendSlack(url: string, message: Record<string, unknown>, opts: SendOptions = {}): Promise<SendResult> {
  return httpPost(url, { headers: { 'content-type': 'application/json', 'user-agent': 'Baton-Webhooks/1' }, body: JSON.stringify(message) }, opts);
}
