import { httpPostForReply } from '../notify/http-post.js';

/** A call to a provider's API: its JSON answer, or why there is none (`status` null: no answer came). */
export type ApiCallResult = { ok: true; status: number; json: unknown } | { ok: false; status: number | null; error: string };

/** Largest API answer read. */
const MAX_REPLY_BYTES = 512 * 1024;

/**
 * POSTs JSON to a provider's API (Chatwoot, Zendesk) through the outbound guard, with a deadline,
 * and reads the JSON answer. Never throws: the caller decides what a failure means (retry, or
 * carry on without that step).
 */
export async function postJson(url: string, headers: Record<string, string>, body: unknown, opts: { timeoutMs: number; outboundAllow: readonly string[] }): Promise<ApiCallResult> {
  const res = await httpPostForReply(url, { headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'Baton/1', ...headers }, body: JSON.stringify(body) }, { ...opts, maxBodyBytes: MAX_REPLY_BYTES });
  if (!res.ok || res.status === null) return { ok: false, status: res.status, error: res.error ?? 'no answer' };
  try {
    return { ok: true, status: res.status, json: res.body ? JSON.parse(res.body) : null };
  } catch {
    return { ok: false, status: res.status, error: 'the answer is not JSON' };
  }
}
