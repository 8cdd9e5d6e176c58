import type { TClientFrame, TEvent, TStreamFrame, TStreamSignal } from '@baton/contracts';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface StreamHandlers<E extends TEvent> {
  onEvent(e: E): void;
  /** The stream (re)opened at `seq`; `resumed` is true when it picked up after a drop. */
  onReady(ready: { seq: number; resumed: boolean }): void;
  onStatus?(s: StreamStatus): void;
  /** Someone is typing, or the customer read up to a message: passed on as it happens, never replayed. */
  onSignal?(s: TStreamSignal): void;
  /** The server refused the token: the session or the conversation is over. The client stops. */
  onUnauthorized(): void;
}

/** The few browser globals the client touches, absent in Node (the tests' `ws` sockets stand in). */
const web = globalThis as unknown as {
  location?: { href: string };
  navigator?: { onLine?: boolean };
  WebSocket?: new (url: string) => SocketLike;
  addEventListener?: (type: string, listener: () => void) => void;
  removeEventListener?: (type: string, listener: () => void) => void;
};

/** The part of a WebSocket the client uses: the browser's, or `ws` in Node. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface StreamOptions {
  /** The socket URL resuming after `after` (null: from now). See `streamUrl`. */
  url: (after: number | null) => string;
  /** Where to resume after a drop; by default the last sequence number this client saw. */
  cursor?: () => number | null;
  /** A ping this often keeps idle connections from being cut by proxies. */
  pingEveryMs?: number;
  /** A socket silent this long (no pong, no event) is treated as dead and replaced. */
  deadAfterMs?: number;
  /** The longest wait between reconnection attempts. */
  maxBackoffMs?: number;
  /** The socket constructor; the global `WebSocket` by default. */
  WebSocket?: new (url: string) => SocketLike;
}

const OPEN = 1;

/** `ws(s)://…/stream?token=…&after=SEQ` under an API root such as `/api/v1` or `https://host/api/v1`. */
export function streamUrl(baseUrl: string, token: string, after: number | null): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/stream`, web.location?.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  if (after !== null) url.searchParams.set('after', String(after));
  return url.toString();
}

/**
 * The realtime stream with resume. It remembers the last sequence number it saw and reconnects
 * with `after=SEQ`, so the events that happened while it was away are replayed by the server and
 * none is handed on twice. It reconnects with exponential backoff (and jitter), at once when the
 * browser comes back online, and treats a silent socket (no pong) as dead.
 */
export class StreamClient<E extends TEvent = TEvent> {
  private ws: SocketLike | null = null;
  private lastSeq: number | null = null;
  private attempt = 0;
  private stopped = true;
  private everReady = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private readonly o: Required<Omit<StreamOptions, 'cursor' | 'WebSocket'>> & Pick<StreamOptions, 'cursor' | 'WebSocket'>;

  constructor(
    opts: StreamOptions,
    private readonly h: StreamHandlers<E>,
  ) {
    this.o = { pingEveryMs: 10_000, deadAfterMs: 25_000, maxBackoffMs: 15_000, ...opts };
  }

  /** The last sequence number handed on, or the one the stream opened at. */
  get seq(): number | null {
    return this.lastSeq;
  }

  start(): void {
    this.stopped = false;
    web.addEventListener?.('offline', this.goneOffline);
    web.addEventListener?.('online', this.backOnline);
    this.open();
  }

  stop(): void {
    this.stopped = true;
    web.removeEventListener?.('offline', this.goneOffline);
    web.removeEventListener?.('online', this.backOnline);
    clearTimeout(this.retryTimer);
    this.drop();
  }

  /** Sends a frame if the stream is open (typing, seen); false when it is not, and the frame is dropped. */
  send(frame: TClientFrame): boolean {
    const ws = this.ws;
    if (!ws || ws.readyState !== OPEN) return false;
    ws.send(JSON.stringify(frame));
    return true;
  }

  /** Reconnect now unless a socket is open or opening (the network is back). */
  nudge(): void {
    if (this.stopped || this.ws) return;
    this.attempt = 0;
    this.open();
  }

  private open(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.status(this.everReady ? 'reconnecting' : 'connecting');
    const after = this.o.cursor ? this.o.cursor() : this.lastSeq;
    let ws: SocketLike;
    try {
      const Socket = this.o.WebSocket ?? web.WebSocket;
      if (!Socket) throw new Error('no WebSocket in this environment');
      ws = new Socket(this.o.url(after));
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.onmessage = (m) => {
      this.lastHeard = Date.now();
      let frame: TStreamFrame<E>;
      try {
        frame = JSON.parse(String(m.data)) as TStreamFrame<E>;
      } catch {
        return;
      }
      this.receive(frame);
    };
    ws.onopen = () => {
      this.lastHeard = Date.now();
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.heartbeat(), this.o.pingEveryMs);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.pingTimer);
      this.scheduleRetry();
    };
  }

  private receive(frame: TStreamFrame<E>): void {
    if (frame.type === 'ready') {
      const resumed = this.everReady;
      this.everReady = true;
      this.attempt = 0;
      if (this.lastSeq === null) this.lastSeq = frame.seq;
      this.status('live');
      this.h.onReady({ seq: frame.seq, resumed });
    } else if (frame.type === 'event') {
      if (this.lastSeq !== null && frame.event.seq <= this.lastSeq) return;
      this.lastSeq = frame.event.seq;
      this.h.onEvent(frame.event);
    } else if (frame.type === 'typing' || frame.type === 'seen') {
      this.h.onSignal?.(frame);
    } else if (frame.type === 'error' && frame.error.code.startsWith('AUTH_')) {
      this.stop();
      this.h.onUnauthorized();
    }
  }

  private heartbeat(): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== OPEN) return;
    if (Date.now() - this.lastHeard > this.o.deadAfterMs) {
      this.drop();
      this.scheduleRetry();
      return;
    }
    ws.send(JSON.stringify({ type: 'ping' }));
  }

  private drop(): void {
    clearInterval(this.pingTimer);
    const ws = this.ws;
    this.ws = null;
    if (!ws) return;
    ws.onclose = null;
    ws.onmessage = null;
    try {
      ws.close();
    } catch {
      /* already closed */
    }
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    if (web.navigator?.onLine === false) {
      this.status('offline');
      return;
    }
    this.status('reconnecting');
    const base = Math.min(this.o.maxBackoffMs, 500 * 2 ** this.attempt);
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), base / 2 + Math.random() * (base / 2));
  }

  private status(s: StreamStatus): void {
    this.h.onStatus?.(s);
  }

  private readonly goneOffline = () => {
    this.drop();
    clearTimeout(this.retryTimer);
    this.status('offline');
  };

  private readonly backOnline = () => {
    this.attempt = 0;
    this.drop();
    this.open();
  };
}
