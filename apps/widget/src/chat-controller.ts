import type { Credentials } from '@baton/client';
import { ApiError, HttpClient, StreamClient, streamUrl } from '@baton/client';
import type { TCallbackOptions as CallbackOptions, TCustomerEvent as StreamEvent, TMessage as Message } from '@baton/contracts';
import type { OutboxItem, StoredSession } from './session-store.js';
import { SessionStore } from './session-store.js';
import type { WidgetConfig } from './types.js';

/** The customer may ask for a person at most this often (client side; the server decides anyway). */
export const TALK_COOLDOWN_MS = 30_000;
const MAX_RETRY_MS = 15_000;
/** "I am typing" goes to the agent at most this often while the customer types. */
const TYPING_EVERY_MS = 2_000;
/** An agent's "typing…" stays this long after their last keystroke signal. */
const TYPING_SHOWN_MS = 5_000;

export type PendingState = 'sending' | 'retrying' | 'failed';
export interface PendingMessage extends OutboxItem {
  state: PendingState;
}

export interface ChatState {
  open: boolean;
  caseNumber: string | null;
  /** Server messages, in `seq` order. */
  messages: Message[];
  /** Messages typed but not yet stored by the server, in the order typed. */
  pending: PendingMessage[];
  /** The conversation's status (`ai`, `waiting`, `assigned`, `resolved`, `callback`), once known. */
  status: string | null;
  /** The place in the queue and the last wait the customer was told, while waiting. */
  queue: { position: number; waitMinutes: number | null } | null;
  /** The wait promised at handoff, until the first queue update. */
  handoffWait: number | null;
  /** False while the stream is down after having been up (shown as "reconnecting"). */
  live: boolean;
  /** Cosmetic: the AI is working on a reply to what was just sent. */
  awaitingReply: boolean;
  /** A reply the model is still writing (LLM mode): shown as it grows, replaced by the stored message. */
  draft: { replyTo: string; text: string } | null;
  csat: 'hidden' | 'open' | 'sending' | 'error' | 'done';
  talkCooldownUntil: number;
  /** A file on its way (its name), or the code of the last upload's refusal. */
  upload: { sending: string | null; errorCode: string | null };
  /** The person with the customer now (first name and team), while the conversation is assigned. */
  agent: { name: string; team: string } | null;
  /** The customer's name as the server knows it (given at start, or from a signed account). */
  customerName: string | null;
  /** A "continue" link could not be used (expired or altered): said once, above the chat. */
  /** Why an emailed continue link did not open its conversation; false when none failed. */
  resumeFailed: false | 'invalid' | 'used' | 'expired';
  /** The first name of an agent typing right now (cosmetic, from the stream; never stored). */
  agentTyping: string | null;
}

/**
 * The widget's state and its rules, apart from the UI: the conversation (created on the first
 * message), the outbox (resent with the same `clientMessageId` until stored, so nothing is lost
 * or doubled), the stream with resume and backfill, and persistence across reloads.
 */
export class ChatController {
  state: ChatState;
  private readonly api: HttpClient;
  private readonly store: SessionStore;
  private session: StoredSession | null;
  private stream: StreamClient<StreamEvent> | null = null;
  private listeners = new Set<() => void>();
  private flushing = false;
  private retryDelay = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private everLive = false;
  private lastTypingSent = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The highest message seq already reported as seen. */
  private seenSent = 0;

  constructor(private readonly config: WidgetConfig) {
    this.api = new HttpClient({ baseUrl: apiBase(config.server) });
    this.store = new SessionStore(config.server);
    const saved = this.store.load();
    this.session = saved.session;
    this.state = {
      open: saved.open === true,
      caseNumber: saved.session?.caseNumber ?? null,
      messages: [],
      pending: saved.outbox.map((o) => ({ ...o, state: 'retrying' })),
      status: null,
      queue: null,
      handoffWait: null,
      live: true,
      awaitingReply: false,
      draft: null,
      csat: 'hidden',
      talkCooldownUntil: 0,
      upload: { sending: null, errorCode: null },
      agent: null,
      customerName: null,
      resumeFailed: false,
      agentTyping: null,
    };
  }

  /**
   * Restores a saved conversation (history, status, live stream) and resends what was left unsent.
   * An emailed "continue" link (`?conversation=ID&resume=…`) opens that conversation first.
   */
  async start(link?: { conversation: string; resume: string } | null): Promise<void> {
    window.addEventListener('online', () => {
      this.retryNow();
      this.stream?.nudge();
    });
    // The customer saw what is on screen when they come back to the tab.
    document.addEventListener('visibilitychange', () => this.reportSeen());
    if (link && link.conversation !== this.session?.id) await this.resume(link);
    if (this.session) {
      void this.backfill(0);
      void this.refreshConversation();
      this.openStream();
    }
    if (this.state.pending.length) void this.flush();
  }

  /** Takes over the conversation an emailed link names; a bad link leaves the current chat as it was. */
  private async resume(link: { conversation: string; resume: string }): Promise<void> {
    try {
      const res = await this.api.resumeConversation(link.conversation, link.resume);
      this.stream?.stop();
      this.stream = null;
      this.session = { id: res.id, token: res.token, caseNumber: res.caseNumber, lastSeq: 0, eventSeq: null };
      this.store.save({ session: this.session, open: true });
      this.set({ caseNumber: res.caseNumber, messages: [], status: null, queue: null, handoffWait: null, csat: 'hidden', agent: null, open: true });
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      this.set({ resumeFailed: code === 'CONVERSATION_ERR_RESUME_USED' ? 'used' : code === 'CONVERSATION_ERR_RESUME_EXPIRED' ? 'expired' : 'invalid', open: true });
    }
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  setOpen(open: boolean): void {
    this.set({ open });
    this.store.save({ open });
    this.reportSeen();
  }

  /** The customer is typing: the agent with them (or about to be) sees it, at most every 2 s. */
  noteTyping(): void {
    if (this.state.status !== 'assigned' && this.state.status !== 'waiting') return;
    const now = Date.now();
    if (now - this.lastTypingSent < TYPING_EVERY_MS) return;
    if (this.stream?.send({ type: 'typing' })) this.lastTypingSent = now;
  }

  /** Tells the server how far the customer has read: the newest message, while the chat is open and the tab visible. */
  private reportSeen(): void {
    const last = this.state.messages.at(-1)?.seq ?? 0;
    if (!this.state.open || document.visibilityState !== 'visible' || last <= this.seenSent) return;
    if (this.stream?.send({ type: 'seen', seq: last })) this.seenSent = last;
  }

  private showTyping(name: string): void {
    clearTimeout(this.typingTimer);
    this.set({ agentTyping: name });
    this.typingTimer = setTimeout(() => this.set({ agentTyping: null }), TYPING_SHOWN_MS);
  }

  send(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.set({ pending: [...this.state.pending, { clientMessageId: newId(), text: trimmed, state: 'sending' }], resumeFailed: false });
    this.saveOutbox();
    void this.flush();
  }

  /**
   * Sends a picture or a PDF: uploaded (once, whatever the retries), then sent as a message of its
   * own. The server decides what the file is; a refusal is kept by its code for the UI to explain.
   */
  async sendFile(file: File): Promise<void> {
    if (this.state.upload.sending) return;
    this.set({ upload: { sending: file.name, errorCode: null } });
    try {
      const creds = await this.ensureConversation();
      const key = newId();
      const { attachment } = await this.api.uploadAttachment(creds.id, file, { name: file.name, clientAttachmentId: key, token: creds.token });
      const res = await this.api.postMessage(creds, '', key, [attachment.id]);
      this.merge([res.message, ...res.replies]);
      this.set({ upload: { sending: null, errorCode: null } });
    } catch (err) {
      this.set({ upload: { sending: null, errorCode: err instanceof ApiError ? err.code : 'NETWORK_ERR' } });
    }
  }

  /** Where a file of this conversation loads from (the customer's token in the query, as an `<img>` cannot send a header). */
  fileUrl(a: { url: string }, download = false): string {
    return this.session ? this.api.attachmentUrl(a, { token: this.session.token, download }) : '';
  }

  /** The always-available way to a human: an ordinary message the policy recognises. */
  askForPerson(text: string): void {
    if (Date.now() < this.state.talkCooldownUntil) return;
    this.set({ talkCooldownUntil: Date.now() + TALK_COOLDOWN_MS });
    this.send(text);
  }

  retry(clientMessageId: string): void {
    this.updatePending(clientMessageId, 'sending');
    this.retryNow();
  }

  /** The after-hours choices; null when there is no session or the offer has expired. */
  async callbackOptions(): Promise<CallbackOptions | null> {
    if (!this.session) return null;
    return this.api.callbackOptions(this.session, localZone());
  }

  /** Books a callback or an email reply; the confirmation arrives as a message on the stream. */
  async bookCallback(choice: { kind: 'callback'; at: string; phone: string } | { kind: 'email'; email?: string }): Promise<void> {
    if (!this.session) throw new ApiError(0, 'NO_SESSION', 'no conversation yet');
    await this.api.bookCallback(this.session, { ...choice, timeZone: localZone() });
  }

  /** Asks for a one-time code, to the conversation's address or to the one given. */
  async requestCode(email?: string): Promise<void> {
    if (!this.session) throw new ApiError(0, 'NO_SESSION', 'no conversation yet');
    await this.api.requestCode(this.session, email);
  }

  /** Enters the code; the server's confirmation arrives as a message on the stream. */
  async verifyCode(code: string): Promise<void> {
    if (!this.session) throw new ApiError(0, 'NO_SESSION', 'no conversation yet');
    await this.api.verifyCode(this.session, code);
  }

  async submitCsat(score: number, comment: string): Promise<void> {
    if (!this.session || this.state.csat === 'sending' || this.state.csat === 'done') return;
    this.set({ csat: 'sending' });
    try {
      await this.api.submitCsat(this.session, score, comment.trim() || undefined);
      this.markCsatDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CSAT_ERR_ALREADY_GIVEN') this.markCsatDone();
      else this.set({ csat: 'error' });
    }
  }

  // ── sending ────────────────────────────────────────────────────────────────

  /** Sends the outbox in order, one at a time; a network failure pauses it with backoff. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    clearTimeout(this.retryTimer);
    try {
      for (;;) {
        const item = this.state.pending.find((p) => p.state !== 'failed');
        if (!item) break;
        this.updatePending(item.clientMessageId, 'sending');
        const expectReply = this.state.status === null || this.state.status === 'ai';
        if (expectReply) this.set({ awaitingReply: true });
        try {
          const creds = await this.ensureConversation();
          const res = await this.api.postMessage(creds, item.text, item.clientMessageId);
          this.merge([res.message, ...res.replies]);
          this.removePending(item.clientMessageId);
          this.retryDelay = 0;
          this.set({ awaitingReply: false });
        } catch (err) {
          this.set({ awaitingReply: false });
          if (err instanceof ApiError && err.sessionLost && this.session) {
            this.forgetConversation();
            continue; // a fresh conversation is started for this message
          }
          if (err instanceof ApiError && !err.retryable) {
            this.updatePending(item.clientMessageId, 'failed');
            continue;
          }
          this.updatePending(item.clientMessageId, 'retrying');
          this.retryDelay = Math.min(MAX_RETRY_MS, this.retryDelay ? this.retryDelay * 2 : 1000);
          this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
          break;
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private retryNow(): void {
    this.retryDelay = 0;
    void this.flush();
  }

  private async ensureConversation(): Promise<Credentials> {
    if (this.session) return this.session;
    const customer = this.config.customer;
    const start = { channel: 'web' as const, language: this.config.lang, timeZone: localZone() };
    const res = await this.api.startConversation({ ...start, ...(customer ? { customer } : {}) }).catch((err: unknown) => {
      // The site's signature did not match (a broken integration): chat anyway, unverified; the
      // customer can still prove their address with a code.
      if (!(err instanceof ApiError) || err.code !== 'IDENTITY_ERR_HASH_INVALID' || !customer) throw err;
      console.warn(`Baton: data-customer-hash was refused (${err.message}); the customer is unverified`);
      const { identifierHash: _h, externalId: _id, ...claim } = customer;
      return this.api.startConversation({ ...start, customer: claim });
    });
    this.session = { id: res.id, token: res.token, caseNumber: res.caseNumber, lastSeq: 0, eventSeq: null };
    this.store.save({ session: this.session });
    this.set({ caseNumber: res.caseNumber, status: 'ai' });
    this.openStream();
    return this.session;
  }

  private forgetConversation(): void {
    this.stream?.stop();
    this.stream = null;
    this.session = null;
    this.store.save({ session: null });
    this.set({ caseNumber: null, messages: [], status: null, queue: null, handoffWait: null, csat: 'hidden', agent: null });
  }

  // ── receiving ──────────────────────────────────────────────────────────────

  private openStream(): void {
    if (this.stream || !this.session) return;
    const s = this.session;
    this.stream = new StreamClient<StreamEvent>(
      // Keeps idle connections from being cut by proxies.
      { url: (after) => streamUrl(apiBase(this.config.server), s.token, after), cursor: () => this.session?.eventSeq ?? null, pingEveryMs: 25_000, deadAfterMs: 60_000, maxBackoffMs: 30_000 },
      {
        onReady: ({ seq }) => {
          if (this.session && this.session.eventSeq === null) this.saveSession({ eventSeq: seq });
          // Whatever happened while we were away (or before the stream opened) comes from the backfill.
          void this.backfill(this.session?.lastSeq ?? 0);
          void this.refreshConversation();
          this.seenSent = 0;
          this.reportSeen();
        },
        onEvent: (e) => this.onEvent(e),
        onSignal: (s) => {
          if (s.type === 'typing' && s.who.kind === 'agent') this.showTyping(s.who.name);
        },
        onStatus: (status) => {
          const live = status === 'live';
          if (live) this.everLive = true;
          this.set({ live: live || !this.everLive });
        },
        onUnauthorized: () => this.forgetConversation(),
      },
    );
    this.stream.start();
  }

  private onEvent(e: StreamEvent): void {
    if (this.session && e.seq > (this.session.eventSeq ?? -1)) this.saveSession({ eventSeq: e.seq });
    switch (e.type) {
      case 'message.created':
        this.merge([e.payload.message]);
        break;
      case 'message.delta':
        this.set({ draft: { replyTo: e.payload.replyTo, text: e.payload.text } });
        break;
      case 'conversation.status_changed':
        this.applyStatus(e.payload.to);
        // The queue position, the agent who joined (or left, on a transfer): the conversation says.
        void this.refreshConversation();
        break;
      case 'queue.position_updated':
        this.set({ queue: { position: e.payload.position, waitMinutes: e.payload.waitMinutes } });
        break;
    }
  }

  private async backfill(after: number): Promise<void> {
    if (!this.session) return;
    try {
      const { messages } = await this.api.messages(this.session, after);
      this.merge(messages);
    } catch (err) {
      if (err instanceof ApiError && err.sessionLost) this.forgetConversation();
    }
  }

  private async refreshConversation(): Promise<void> {
    if (!this.session) return;
    try {
      const info = await this.api.conversation(this.session);
      this.applyStatus(info.conversation.status);
      // The place in the queue comes from the server on every load, not only from the next live
      // update: after a reload, or while the team is closed, there may be none for a long time.
      const h = info.handoff;
      const queue = h?.status === 'waiting' && info.conversation.status === 'waiting' && h.position !== null ? { position: h.position, waitMinutes: h.waitEstimateMinutes } : this.state.queue;
      this.set({ handoffWait: h?.waitEstimateMinutes ?? null, queue, agent: info.agent ?? null, customerName: info.conversation.customer.name });
    } catch (err) {
      if (err instanceof ApiError && err.sessionLost) this.forgetConversation();
    }
  }

  private applyStatus(status: string): void {
    const csat = this.state.csat;
    const next: Partial<ChatState> = { status };
    if (status === 'resolved' && csat === 'hidden' && !this.session?.csatDone) next.csat = 'open';
    if (status !== 'resolved' && csat !== 'done') next.csat = 'hidden';
    if (status !== 'waiting') next.queue = null;
    if (status !== 'assigned') next.agent = null;
    this.set(next);
  }

  /** Adds messages by id (the stream, the backfill and POST replies overlap), kept in `seq` order. */
  private merge(incoming: Message[]): void {
    if (!incoming.length) return;
    const byId = new Map(this.state.messages.map((m) => [m.id, m]));
    let pending = this.state.pending;
    const patch: Partial<ChatState> = {};
    for (const m of incoming) {
      if (m.private || byId.has(m.id)) continue;
      byId.set(m.id, m);
      // The stream can deliver our own message before the POST returns: drop the optimistic copy then.
      if (m.author.kind === 'customer') {
        const i = pending.findIndex((p) => p.state === 'sending' && p.text === m.text);
        if (i >= 0) pending = pending.filter((_, j) => j !== i);
      } else {
        // The stored reply (or a handoff notice) replaces the draft; a draft the policy stopped goes with it.
        patch.awaitingReply = false;
        patch.draft = null;
      }
      // Their message is here: they have stopped typing.
      if (m.author.kind === 'agent') patch.agentTyping = null;
      if (m.action === 'csat_prompt' && !this.session?.csatDone && this.state.csat === 'hidden') patch.csat = 'open';
    }
    const messages = [...byId.values()].sort((a, b) => a.seq - b.seq);
    const last = messages[messages.length - 1]?.seq ?? 0;
    if (this.session && last > this.session.lastSeq) this.saveSession({ lastSeq: last });
    this.set({ ...patch, messages, pending });
    this.reportSeen();
  }

  // ── bookkeeping ────────────────────────────────────────────────────────────

  private markCsatDone(): void {
    this.saveSession({ csatDone: true });
    this.set({ csat: 'done' });
  }

  private saveSession(patch: Partial<StoredSession>): void {
    if (!this.session) return;
    this.session = { ...this.session, ...patch };
    this.store.save({ session: this.session });
  }

  private updatePending(id: string, state: PendingState): void {
    this.set({ pending: this.state.pending.map((p) => (p.clientMessageId === id ? { ...p, state } : p)) });
  }

  private removePending(id: string): void {
    this.set({ pending: this.state.pending.filter((p) => p.clientMessageId !== id) });
    this.saveOutbox();
  }

  private saveOutbox(): void {
    this.store.save({ outbox: this.state.pending.map(({ clientMessageId, text }) => ({ clientMessageId, text })) });
  }

  private set(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }
}

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; plain-http demo pages get a random id instead.
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** The API's root on the Baton server the script tag names. */
function apiBase(server: string): string {
  return new URL('/api/v1', server).toString();
}

/** The customer's IANA time zone, so opening hours and promised times are told in their own clock. */
function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
