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
export async function httpPost(url: string, init: { headers: Record<string, string>; body: string }, opts: SendOptions = {}): Promise<SendResult> {
  // A delivery's result is its status and a short error: the receiver's body is never read, never kept.
  const { body: _unread, ...result } = await post(url, init, opts, 0);
  return result;
}

/** A POST whose answer matters (the external bot's reply): {@link httpPost}, and the response body, up to `maxBodyBytes`. */
export interface PostReply extends SendResult {
  /** The body as UTF-8; null when no response came or it was longer than allowed. */
  body: string | null;
}

/**
 * {@link httpPost} with the receiver's body read back, for a receiver that answers (the external
 * bot). A body over `maxBodyBytes` is a failure: the socket is closed and nothing is kept.
 */
export function httpPostForReply(url: string, init: { headers: Record<string, string>; body: string }, opts: SendOptions & { maxBodyBytes: number; readErrorBody?: boolean }): Promise<PostReply> {
  return post(url, init, opts, opts.maxBodyBytes, opts.readErrorBody ?? false);
}

function post(url: string, init: { headers: Record<string, string>; body: string }, opts: SendOptions, maxBodyBytes: number, readErrorBody = false): Promise<PostReply> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return Promise.resolve({ ok: false, status: null, error: 'the target is not a URL', body: null });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return Promise.resolve({ ok: false, status: null, error: `refused: ${u.protocol}// is not http or https`, body: null });
  const allow = new OutboundAllowList(opts.outboundAllow ?? []);
  // An address literal never reaches the lookup hook, so it is checked here; names are checked there.
  const problem = literalHostProblem(u.hostname, allow);
  if (problem) return Promise.resolve({ ok: false, status: null, error: shortError(`refused: ${problem}`), body: null });
  return new Promise<PostReply>((resolve) => {
    const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
    const failed = (err: Error & { code?: string }) => {
      if (err.name === 'AbortError' || err.name === 'TimeoutError') return resolve({ ok: false, status: null, error: `timed out after ${timeoutMs} ms`, body: null });
      if (err.code === 'BATON_OUTBOUND_REFUSED') return resolve({ ok: false, status: null, error: shortError(`refused: ${err.message}`), body: null });
      resolve({ ok: false, status: null, error: shortError(err.code ? `${err.code}: ${err.message}` : err.message), body: null });
    };
    const req = send(u, { method: 'POST', headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) }, lookup: guardedLookup(allow, opts.resolveHost), agent: false, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      const error = ok ? null : status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`;
      // An API that explains its refusals in the body (the Graph API's error codes) asks for it to be read.
      if ((!ok && !(readErrorBody && status >= 400)) || maxBodyBytes === 0) {
        res.resume();
        return resolve({ ok, status, error, body: null });
      }
      // The deadline covers the body too: a receiver that sends headers and then stalls has failed.
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) {
          res.destroy();
          return resolve({ ok: false, status, error: `the answer is over ${maxBodyBytes} bytes`, body: null });
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ ok, status, error, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', failed);
    });
    req.on('error', failed);
    req.end(init.body);
  });
}
