import { z } from 'zod';
import type { ChannelSender, ChannelSendOutcome } from './channel-sender.js';
import { httpPostForReply } from '../notify/http-post.js';
import { shortError } from '../notify/send-result.js';

/**
 * Meta's error codes that mean "slow down" (WhatsApp's 130429 throughput and 131056 pair rate
 * limits, 80007 account limit; the Graph API's 4, 17, 32 and 613 call limits): the send is retried
 * later, with a longer wait each time.
 */
const THROTTLED = new Set([4, 17, 32, 613, 80007, 130429, 131056]);
/** Temporary failures on Meta's side, worth another try. */
const TRANSIENT = new Set([1, 2, 131000, 131016]);

const ZGraphError = z.object({ error: z.object({ message: z.string().optional(), code: z.number().optional(), error_subcode: z.number().optional(), error_data: z.object({ details: z.string().optional() }).optional() }) });
const ZGraphSent = z.object({
  /** WhatsApp: `messages[0].id` is the wamid. */
  messages: z.array(z.object({ id: z.string() })).optional(),
  /** Messenger and Instagram: the mid. */
  message_id: z.string().optional(),
});

export interface GraphSenderOptions {
  /** The Graph API's base URL with its version (`BATON_WHATSAPP_GRAPH_URL`, `BATON_MESSENGER_GRAPH_URL`). */
  baseUrl: string;
  accessToken: string;
  outboundAllow: readonly string[];
  timeoutMs?: number;
}

/**
 * The Graph API's send endpoints (WhatsApp's `/{phone-number-id}/messages`, the Messenger
 * Platform's `/{page-id}/messages` and `/pass_thread_control`), through the outbound guard: a
 * bearer token, JSON in and out, and the error's code read to tell a throttle from a refusal.
 */
export function createGraphSender(o: GraphSenderOptions): ChannelSender {
  return {
    async send(path, request): Promise<ChannelSendOutcome> {
      const r = await httpPostForReply(
        `${o.baseUrl}/${path}`,
        { headers: { 'content-type': 'application/json', authorization: `Bearer ${o.accessToken}` }, body: JSON.stringify(request) },
        { outboundAllow: o.outboundAllow, timeoutMs: o.timeoutMs ?? 10_000, maxBodyBytes: 64 * 1024, readErrorBody: true },
      );
      const json = parseJson(r.body);
      if (r.ok) {
        const sent = ZGraphSent.safeParse(json);
        return { ok: true, providerMessageId: sent.success ? (sent.data.messages?.[0]?.id ?? sent.data.message_id ?? null) : null };
      }
      const err = ZGraphError.safeParse(json);
      const code = err.success ? err.data.error.code : undefined;
      const detail = err.success ? [err.data.error.message, err.data.error.error_data?.details].filter(Boolean).join(': ') : null;
      const throttled = r.status === 429 || (code !== undefined && THROTTLED.has(code));
      const retryable = throttled || r.status === null || (r.status !== null && r.status >= 500) || (code !== undefined && TRANSIENT.has(code));
      const error = shortError(`${r.error ?? 'failed'}${code !== undefined ? ` (code ${code})` : ''}${detail ? `: ${detail}` : ''}`);
      return { ok: false, error, retryable, throttled };
    },
  };
}

function parseJson(body: string | null): unknown {
  if (!body) return null;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}
