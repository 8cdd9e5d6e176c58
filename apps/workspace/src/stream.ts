import type { TStreamFrame } from '@baton/contracts';
import type { StreamEvent } from './types';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface StreamHandlers {
  onEvent(e: StreamEvent): void;
  /** The stream (re)opened; `resumed` is true when it picked up after a drop. */
  onReady(resumed: boolean): void;
  onStatus(s: StreamStatus): void;
  /** The server refused the token: the session is over. */
  onUnauthorized(): void;
}

const PING_EVERY_MS = 10_000;
const DEAD_AFTER_MS = 25_000;
const MAX_BACKOFF_MS = 15_000;

/**
 * The realtime stream with resume. It remembers the last sequence number it saw and reconnects
 * with `after=SEQ`, so events that happened while it was away are replayed by the server. It
 * reconnects with exponential backoff (and jitter), immediately when the browser comes back
 * online, and treats a silent socket (no pong) as dead.
 */
export class StreamClient {
  private ws: WebSocket | null = null;
  private lastSeq: number | null = null;
  private attempt = 0;
  private stopped = false;
  private everReady = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;

  constructor(
    private readonly token: string,
    private readonly h: StreamHandlers,
  ) {
    window.addEventListener('offline', this.goneOffline);
    window.addEventListener('online', this.backOnline);
  }

  get seq(): number | null {
    return this.lastSeq;
  }

  start(): void {
    this.open();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('offline', this.goneOffline);
    window.removeEventListener('online', this.backOnline);
    clearTimeout(this.retryTimer);
    this.drop();
  }

  private open(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.h.onStatus(this.everReady ? 'reconnecting' : 'connecting');
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const params = new URLSearchParams({ token: this.token });
    if (this.lastSeq !== null) params.set('after', String(this.lastSeq));
    const ws = new WebSocket(`${proto}//${location.host}/api/v1/stream?${params.toString()}`);
    this.ws = ws;
    ws.onmessage = (m) => {
      this.lastHeard = Date.now();
      let frame: TStreamFrame<StreamEvent>;
      try {
        frame = JSON.parse(String(m.data));
      } catch {
        return;
      }
      if (frame.type === 'ready') {
        const resumed = this.everReady;
        this.everReady = true;
        this.attempt = 0;
        if (this.lastSeq === null && typeof frame.seq === 'number') this.lastSeq = frame.seq;
        this.h.onStatus('live');
        this.h.onReady(resumed);
      } else if (frame.type === 'event' && frame.event) {
        if (this.lastSeq !== null && frame.event.seq <= this.lastSeq) return;
        this.lastSeq = frame.event.seq;
        this.h.onEvent(frame.event);
      } else if (frame.type === 'error' && frame.error?.code?.startsWith('AUTH_')) {
        this.stopped = true;
        this.h.onUnauthorized();
      }
    };
    ws.onopen = () => {
      this.lastHeard = Date.now();
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.heartbeat(), PING_EVERY_MS);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.pingTimer);
      this.scheduleRetry();
    };
  }

  private heartbeat(): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.lastHeard > DEAD_AFTER_MS) {
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
    if (ws) {
      ws.onclose = null;
      ws.onmessage = null;
      try {
        ws.close();
      } catch {
        /* already closed */
      }
    }
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    if (!navigator.onLine) {
      this.h.onStatus('offline');
      return;
    }
    this.h.onStatus('reconnecting');
    const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt);
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), base / 2 + Math.random() * (base / 2));
  }

  private goneOffline = () => {
    this.drop();
    clearTimeout(this.retryTimer);
    this.h.onStatus('offline');
  };

  private backOnline = () => {
    this.attempt = 0;
    this.drop();
    this.open();
  };
}
