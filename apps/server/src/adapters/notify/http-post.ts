import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup, literalHostProblem, OutboundAllowList } from './outbound-guard.js';
import type { SendOptions, SendResult } from './send-result.js';
import { DEFAULT_SEND_TIMEOUT_MS, shortError } from './send-result.js';

/**
 * One POST with a deadline, to a public address only (outbound-guard.ts). Redirects are not
 * followed (a 3xx is a failure the admin should see, not a hop to wherever the receiver points),
 * and a timeout or a refused connection is a failure with no status, so the caller's retry policy
 * treats every way of not getting a 2xx the same. The receiver's body is never read into the log:
 * the status says what happened, and a body could carry anything (an internal page, a token).
 */
export function httpPost(url: string, init: { headers: Record<string, string>; body: string }, opts: SendOptions = {}): Promise<SendResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return Promise.resolve({ ok: false, status: null, error: 'the target is not a URL' });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return Promise.resolve({ ok: false, status: null, error: `refused: ${u.protocol}// is not http or https` });
  const allow = new OutboundAllowList(opts.outboundAllow ?? []);
  // An address literal never reaches the lookup hook, so it is checked here; names are checked there.
  const problem = literalHostProblem(u.hostname, allow);
  if (problem) return Promise.resolve({ ok: false, status: null, error: shortError(`refused: ${problem}`) });
  return new Promise<SendResult>((resolve) => {
    const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(u, { method: 'POST', headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) }, lookup: guardedLookup(allow, opts.resolveHost), agent: false, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) return resolve({ ok: true, status, error: null });
      resolve({ ok: false, status, error: status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}` });
    });
    req.on('error', (err: Error & { code?: string }) => {
      if (err.name === 'AbortError' || err.name === 'TimeoutError') return resolve({ ok: false, status: null, error: `timed out after ${timeoutMs} ms` });
      if (err.code === 'BATON_OUTBOUND_REFUSED') return resolve({ ok: false, status: null, error: shortError(`refused: ${err.message}`) });
      resolve({ ok: false, status: null, error: shortError(err.code ? `${err.code}: ${err.message}` : err.message) });
    });
    req.end(init.body);
  });
}
