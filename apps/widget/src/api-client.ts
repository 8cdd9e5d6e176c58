import type { Customer, Message } from './types.js';

/** A failed call. `retryable` is true for a lost network, a server error or a rate limit: the same request may simply be sent again. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
  /** The conversation or its token is gone (e.g. the demo server was restarted on an in-memory database). */
  get sessionLost(): boolean {
    return this.status === 401 || this.status === 404 || this.code === 'AUTH_ERR_WRONG_CONVERSATION';
  }
}

export interface Credentials {
  id: string;
  token: string;
}

export interface ConversationInfo {
  conversation: { status: string; caseNumber: string };
  handoff: { waitEstimateMinutes: number | null } | null;
}

/** Callback times within the team's hours, in the customer's zone, and when an email reply is promised. */
export interface CallbackOptions {
  slots: { at: string; label: string }[];
  timeZone: string;
  email: string | null;
  emailBy: { at: string; label: string };
}

/** The customer side of the HTTP API (DESIGN §10). */
export class ApiClient {
  constructor(private readonly base: string) {}

  startConversation(body: { language: string; customer?: Customer }): Promise<{ id: string; caseNumber: string; token: string }> {
    return this.call('POST', '/api/v1/conversations', null, { channel: 'web', ...body });
  }

  getConversation(c: Credentials): Promise<ConversationInfo> {
    return this.call('GET', `/api/v1/conversations/${enc(c.id)}`, c.token);
  }

  listMessages(c: Credentials, after: number): Promise<{ messages: Message[] }> {
    return this.call('GET', `/api/v1/conversations/${enc(c.id)}/messages?after=${after}`, c.token);
  }

  postMessage(c: Credentials, text: string, clientMessageId: string): Promise<{ message: Message; replies: Message[] }> {
    return this.call('POST', `/api/v1/conversations/${enc(c.id)}/messages`, c.token, { text, clientMessageId });
  }

  submitCsat(c: Credentials, score: number, comment?: string): Promise<{ score: number }> {
    return this.call('POST', `/api/v1/conversations/${enc(c.id)}/csat`, c.token, comment ? { score, comment } : { score });
  }

  callbackOptions(c: Credentials, timeZone: string): Promise<CallbackOptions> {
    return this.call('GET', `/api/v1/conversations/${enc(c.id)}/callback-options?timeZone=${enc(timeZone)}`, c.token);
  }

  bookCallback(c: Credentials, body: { kind: 'callback'; at: string; phone: string; timeZone: string } | { kind: 'email'; email?: string; timeZone: string }): Promise<{ confirmation: string }> {
    return this.call('POST', `/api/v1/conversations/${enc(c.id)}/callback`, c.token, body);
  }

  /** Sends a one-time code to the conversation's address, or to `email`. */
  requestCode(c: Credentials, email?: string): Promise<{ sent: true; expiresInMinutes: number }> {
    return this.call('POST', `/api/v1/conversations/${enc(c.id)}/verify/code`, c.token, email ? { email } : {});
  }

  verifyCode(c: Credentials, code: string): Promise<{ identity: 'signed' | 'code' | 'unverified' }> {
    return this.call('POST', `/api/v1/conversations/${enc(c.id)}/verify`, c.token, { code });
  }

  streamUrl(token: string, after: number | null): string {
    const url = new URL('/api/v1/stream', this.base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token);
    if (after !== null) url.searchParams.set('after', String(after));
    return url.toString();
  }

  private async call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(new URL(path, this.base), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (err) {
      throw new ApiError(0, 'NETWORK', (err as Error).message);
    }
    const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'HTTP', data?.error?.message ?? res.statusText);
    return data as T;
  }
}

const enc = encodeURIComponent;
