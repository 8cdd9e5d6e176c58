import type {
  TAgent,
  TAttachment,
  TBookCallback,
  TBookCallbackResponse,
  TRequestCodeResponse,
  TVerifyCodeResponse,
  TCallbackOptions,
  TConversationState,
  TCreateConversation,
  TCreateConversationResponse,
  TCsatResponse,
  THandoff,
  TLoginResponse,
  TMessage,
  TPostMessageResponse,
  TPresence,
  TTeam,
} from '@baton/contracts';
import { ApiError, NETWORK_ERR } from './api-error.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpClientOptions {
  /** The API's root, e.g. `/api/v1` on the same origin or `https://support.example.com/api/v1`. */
  baseUrl: string;
  /** The bearer token for each call (an agent session); a call may pass its own instead. */
  getToken?: () => string | null;
  /** A 401 outside `/auth/`: the session is over. */
  onUnauthorized?: () => void;
}

/** A conversation's id and its customer token, as `POST /conversations` returned them. */
export interface Credentials {
  id: string;
  token: string;
}

interface CallOptions {
  body?: unknown;
  /** This call's token, in place of `getToken`'s. */
  token?: string | null;
}

const UNREACHABLE = 'Could not reach the server. Check your connection.';
const enc = encodeURIComponent;

/**
 * Baton's HTTP API: JSON in and out, the bearer token on every call, and every failure an
 * `ApiError` with the server's code, message and field. The named methods are typed by the
 * contracts; `get`/`post`/… reach any other route.
 */
export class HttpClient {
  private readonly base: string;

  constructor(private readonly opts: HttpClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
  }

  async request<T>(method: Method, path: string, o: CallOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = o.token !== undefined ? o.token : (this.opts.getToken?.() ?? null);
    if (token) headers.authorization = `Bearer ${token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.send(path, { method, headers, ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}) });
    return this.parse<T>(res, path);
  }

  /** A JSON answer, or the `ApiError` its error body describes. */
  private async parse<T>(res: Response, path: string): Promise<T> {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!res.ok) {
      const err = (data as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
      if (res.status === 401 && !path.startsWith('/auth/')) this.opts.onUnauthorized?.();
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      throw new ApiError(res.status, str(err?.code) ?? 'HTTP_ERR', str(err?.message) ?? `Request failed (${res.status})`, str(err?.field));
    }
    return data as T;
  }

  /** A non-JSON resource (a Markdown report), with the bearer token, as a Blob for a download. */
  async blob(path: string): Promise<Blob> {
    const token = this.opts.getToken?.() ?? null;
    const res = await this.send(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!res.ok) {
      if (res.status === 401) this.opts.onUnauthorized?.();
      throw new ApiError(res.status, 'HTTP_ERR', `Download failed (${res.status})`);
    }
    return res.blob();
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, { body: body ?? {} });
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body });
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }
  del<T = void>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  // Agents.

  login(email: string, password: string): Promise<TLoginResponse> {
    return this.request('POST', '/auth/login', { body: { email, password } });
  }
  logout(): Promise<void> {
    return this.request('POST', '/auth/logout', { body: {} });
  }
  me(): Promise<{ agent: TAgent }> {
    return this.get('/agents/me');
  }
  setPresence(change: { presence?: TPresence; capacity?: number }): Promise<{ agent: TAgent }> {
    return this.patch('/agents/me', change);
  }
  agents(): Promise<{ agents: TAgent[] }> {
    return this.get('/agents');
  }
  teams(): Promise<{ teams: TTeam[] }> {
    return this.get('/teams');
  }
  handoffs(query: { status?: THandoff['status']; mine?: boolean; team?: string } = {}): Promise<{ handoffs: THandoff[] }> {
    const q = new URLSearchParams();
    if (query.status) q.set('status', query.status);
    if (query.mine) q.set('mine', 'true');
    if (query.team) q.set('team', query.team);
    const qs = q.toString();
    return this.get(`/handoffs${qs ? `?${qs}` : ''}`);
  }
  handoff(id: string): Promise<{ handoff: THandoff }> {
    return this.get(`/handoffs/${enc(id)}`);
  }

  // Customers: each call carries the conversation's own token.

  startConversation(body: TCreateConversation): Promise<TCreateConversationResponse> {
    return this.request('POST', '/conversations', { body, token: null });
  }
  /** Trades the credential of an emailed "continue" link for a customer token. */
  resumeConversation(id: string, resume: string): Promise<TCreateConversationResponse> {
    return this.request('POST', `/conversations/${enc(id)}/resume`, { body: { resume }, token: null });
  }
  conversation(c: Credentials): Promise<TConversationState> {
    return this.request('GET', `/conversations/${enc(c.id)}`, { token: c.token });
  }
  messages(c: Credentials, after: number): Promise<{ messages: TMessage[] }> {
    return this.request('GET', `/conversations/${enc(c.id)}/messages?after=${after}`, { token: c.token });
  }
  postMessage(c: Credentials, text: string, clientMessageId: string, attachmentIds?: string[]): Promise<TPostMessageResponse> {
    return this.request('POST', `/conversations/${enc(c.id)}/messages`, { token: c.token, body: { text, clientMessageId, ...(attachmentIds?.length ? { attachmentIds } : {}) } });
  }

  /**
   * Uploads a file to a conversation, to send with a message (`attachmentIds`). The same
   * `clientAttachmentId` again returns the first upload. `token`: the customer's; agents' calls use `getToken`.
   */
  async uploadAttachment(conversationId: string, file: Blob, o: { name: string; clientAttachmentId: string; token?: string }): Promise<{ attachment: TAttachment }> {
    const token = o.token ?? this.opts.getToken?.() ?? null;
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await this.send(`/conversations/${enc(conversationId)}/attachments?name=${enc(o.name)}&clientAttachmentId=${enc(o.clientAttachmentId)}`, { method: 'POST', headers, body: file });
    return this.parse<{ attachment: TAttachment }>(res, '/conversations');
  }

  /** Where an attachment can be loaded from by an `<img>` or a link, which cannot send a header: the token (the session's by default) rides in the query. */
  attachmentUrl(a: Pick<TAttachment, 'url'>, o: { token?: string; download?: boolean } = {}): string {
    const root = this.base.replace(/\/api\/v1$/, '');
    const token = o.token ?? this.opts.getToken?.() ?? '';
    return `${root}${a.url}?token=${enc(token)}${o.download ? '&download=1' : ''}`;
  }
  submitCsat(c: Credentials, score: number, comment?: string): Promise<TCsatResponse> {
    return this.request('POST', `/conversations/${enc(c.id)}/csat`, { token: c.token, body: comment ? { score, comment } : { score } });
  }
  callbackOptions(c: Credentials, timeZone: string): Promise<TCallbackOptions> {
    return this.request('GET', `/conversations/${enc(c.id)}/callback-options?timeZone=${enc(timeZone)}`, { token: c.token });
  }
  bookCallback(c: Credentials, body: TBookCallback): Promise<TBookCallbackResponse> {
    return this.request('POST', `/conversations/${enc(c.id)}/callback`, { token: c.token, body });
  }
  /** Sends a one-time code to the conversation's address, or to `email` (docs/identity.md). */
  requestCode(c: Credentials, email?: string): Promise<TRequestCodeResponse> {
    return this.request('POST', `/conversations/${enc(c.id)}/verify/code`, { token: c.token, body: email ? { email } : {} });
  }
  verifyCode(c: Credentials, code: string): Promise<TVerifyCodeResponse> {
    return this.request('POST', `/conversations/${enc(c.id)}/verify`, { token: c.token, body: { code } });
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.base}${path}`, init);
    } catch {
      throw new ApiError(0, NETWORK_ERR, UNREACHABLE);
    }
  }
}
