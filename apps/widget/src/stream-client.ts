import type { TStreamFrame } from '@baton/contracts';
import type { StreamEvent } from './types.js';

export interface StreamHandlers {
  /** The server is streaming; everything after `seq` will follow. */
  onReady(seq: number): void;
  onEvent(e: StreamEvent): void;
  onState(live: boolean): void;
  /** The token was refused: the conversation is gone. */
  onAuthFailed(): void;
}

const MAX_DELAY_MS = 30_000;

/**
 * The realtime stream with resume: each (re)connection asks for the events after the last `seq`
 * seen, and reconnects with exponential backoff and jitter after a drop.
 */
export class StreamClient {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ping: ReturnType<typeof setInterval> | undefined;
  private stopped = true;

  constructor(
    private readonly url: (after: number | null) => string,
    private readonly cursor: () => number | null,
    private readonly h: StreamHandlers,
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.ping);
    this.ws?.close();
    this.ws = null;
  }

  /** Reconnect now (the browser says it is back online). */
  nudge(): void {
    if (this.stopped || (this.ws && this.ws.readyState <= WebSocket.OPEN)) return;
    clearTimeout(this.timer);
    this.connect();
  }

  private connect(): void {
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url(this.cursor()));
    } catch {
      this.retry();
      return;
    }
    this.ws = ws;
    ws.onmessage = (m) => {
      let frame: TStreamFrame<StreamEvent>;
      try {
        frame = JSON.parse(String(m.data)) as typeof frame;
      } catch {
        return;
      }
      if (frame.type === 'ready' && typeof frame.seq === 'number') {
        this.attempt = 0;
        this.h.onState(true);
        this.h.onReady(frame.seq);
      } else if (frame.type === 'event' && frame.event) this.h.onEvent(frame.event);
      else if (frame.type === 'error' && frame.error?.code?.startsWith('AUTH_ERR')) {
        this.stop();
        this.h.onAuthFailed();
      }
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.ping);
      this.h.onState(false);
      this.retry();
    };
    // Keeps idle connections from being cut by proxies.
    clearInterval(this.ping);
    this.ping = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send('{"type":"ping"}'), 25_000);
  }

  private retry(): void {
    if (this.stopped) return;
    const base = Math.min(MAX_DELAY_MS, 500 * 2 ** this.attempt++);
    this.timer = setTimeout(() => this.connect(), base / 2 + Math.random() * (base / 2));
  }
}
