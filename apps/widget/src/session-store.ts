/** A message typed but not yet confirmed by the server; resent with the same id until it is. */
export interface OutboxItem {
  clientMessageId: string;
  text: string;
}

/** What survives a page reload, per server origin. */
export interface StoredSession {
  id: string;
  token: string;
  caseNumber: string;
  /** The last message `seq` seen: the backfill resumes after it. */
  lastSeq: number;
  /** The last stream event `seq` seen: the WebSocket resumes after it. */
  eventSeq: number | null;
  csatDone?: boolean;
}

interface Stored {
  session: StoredSession | null;
  outbox: OutboxItem[];
  open?: boolean;
}

/** localStorage, keyed by the server's origin; a page that blocks storage still gets a working (unsaved) chat. */
export class SessionStore {
  private readonly key: string;
  constructor(server: string) {
    this.key = `baton:${new URL(server).origin}`;
  }

  load(): Stored {
    try {
      const raw = localStorage.getItem(this.key);
      const data = raw ? (JSON.parse(raw) as Partial<Stored>) : {};
      return { session: data.session ?? null, outbox: Array.isArray(data.outbox) ? data.outbox : [], open: data.open === true };
    } catch {
      return { session: null, outbox: [] };
    }
  }

  save(patch: Partial<Stored>): void {
    try {
      localStorage.setItem(this.key, JSON.stringify({ ...this.load(), ...patch }));
    } catch {
      // Storage full or blocked: the chat still works for this page view.
    }
  }
}
