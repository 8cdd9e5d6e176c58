import type { SendOptions, SendResult } from './send-result.js';
import { DEFAULT_SEND_TIMEOUT_MS, shortError } from './send-result.js';

/**
 * One POST with a deadline. Redirects are not followed (a 3xx is a failure the admin should see,
 * not a hop to wherever the receiver points), and a timeout or a refused connection is a failure
 * with no status, so the caller's retry policy treats every way of not getting a 2xx the same.
 */
export async function httpPost(url: string, init: { headers: Record<string, string>; body: string }, opts: SendOptions = {}): Promise<SendResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  try {
    const res = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text().catch(() => '');
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null };
    return { ok: false, status: res.status, error: shortError(`HTTP ${res.status}${text ? `: ${text}` : ''}`) };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { ok: false, status: null, error: `timed out after ${timeoutMs} ms` };
    return { ok: false, status: null, error: shortError(e.cause?.code ? `${e.cause.code}: ${e.cause.message ?? e.message}` : e.message) };
  }
}
