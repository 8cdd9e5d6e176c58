import type { Sql } from '../adapters/db/database.js';
import type { EventRecord } from '../adapters/db/repositories/events.repository.js';
import { lastEventSeq, readEventLog } from '../adapters/db/repositories/events.repository.js';
import type { AppContext } from '../app/context.js';

/** How many of the latest events the hub keeps, so a stream a little behind catches up from memory. */
const KEEP = 5000;
/** A batch read from the log. */
const BATCH = 500;
/** Read again this soon when committed events wait behind a transaction still running; twice as late each time it still does, up to `HELD_BACK_MAX_MS`. */
const HELD_BACK_MS = 10;
const HELD_BACK_MAX_MS = 500;
/** A lost nudge (a Redis blip) is noticed this late at worst: one read per node, not per socket. */
const SAFETY_READ_MS = 2000;

/** A stream as the hub sees it: what it may receive, and where to send it. */
export interface HubSubscriber {
  /** Only this conversation's events (a customer), or every event (an agent). */
  conversationId: string | null;
  /** Events in log order, each after the previous batch; never called before `join` resolves. */
  deliver(events: EventRecord[]): void;
}

export interface EventHub {
  /**
   * Brings a stream from `after` up to the hub's position (from memory when it is recent, from the
   * database otherwise: the recovery path) and then keeps it there, in memory. Resolves once the
   * stream is live. A stream may be handed an event it already has (it joined ahead of the hub):
   * it skips those by number.
   */
  join(sub: HubSubscriber, after: number): Promise<void>;
  leave(sub: HubSubscriber): void;
  /** The position the hub has read the log to: a stream that starts now starts here. */
  position(): Promise<number>;
  close(): void;
}

/**
 * One reader of the event log per node. A nudge on the bus (a commit, here or on another node)
 * makes it read what is new, once, and hand each event to the streams subscribed to its
 * conversation and to the agents' streams, in memory: an event costs the same with ten sockets
 * open or ten thousand. Streams that start behind (a reconnect with `after=`) catch up from the
 * hub's recent events, or from the database when they are further behind.
 */
export function createEventHub(ctx: AppContext, db: Sql = ctx.db): EventHub {
  const agents = new Set<HubSubscriber>();
  const byConversation = new Map<string, Set<HubSubscriber>>();
  /** The latest events read, oldest first: every final event in (`keptFrom`, `cursor`]. */
  let kept: EventRecord[] = [];
  let keptFrom = 0;
  let cursor = 0;
  let started: Promise<void> | null = null;
  let wanted = 0;
  let reading: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  /** Reads in a row that found events held back. */
  let held = 0;

  const start = () =>
    (started ??= lastEventSeq(db).then((seq) => {
      cursor = keptFrom = Math.max(cursor, seq);
    }));

  const dispatch = (events: EventRecord[]) => {
    for (const sub of agents) sub.deliver(events);
    const mine = new Map<string, EventRecord[]>();
    for (const e of events) {
      if (!e.conversationId || !byConversation.has(e.conversationId)) continue;
      const list = mine.get(e.conversationId) ?? [];
      list.push(e);
      mine.set(e.conversationId, list);
    }
    for (const [id, list] of mine) for (const sub of byConversation.get(id) ?? []) sub.deliver(list);
  };

  const readOnce = async (): Promise<boolean> => {
    const { events, heldBack, end } = await readEventLog(db, cursor, BATCH);
    cursor = end;
    if (events.length) {
      kept.push(...events);
      if (kept.length > KEEP) {
        const drop = kept.length - KEEP;
        keptFrom = kept[drop - 1]!.seq;
        kept = kept.slice(drop);
      }
      dispatch(events);
    }
    // Progress resets the wait; only a horizon that does not move backs off.
    if (events.length) held = 0;
    if (heldBack || cursor < wanted) schedule(Math.min(HELD_BACK_MS * 2 ** held++, HELD_BACK_MAX_MS));
    else held = 0;
    return events.length === BATCH;
  };

  const read = (): Promise<void> => {
    if (closed) return Promise.resolve();
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      try {
        await start();
        do {
          again = false;
          while (!closed && (await readOnce()));
        } while (again && !closed);
      } catch (err) {
        ctx.log('warn', 'stream: could not read new events; trying again', { error: (err as Error).message });
        schedule(500);
      } finally {
        reading = null;
      }
    })();
    return reading;
  };

  function schedule(ms: number) {
    if (retry || closed) return;
    retry = setTimeout(() => {
      retry = null;
      void read();
    }, ms);
  }

  const unsubscribe = ctx.bus.subscribe((seq) => {
    wanted = Math.max(wanted, seq);
    void read();
  });
  const safety = setInterval(() => {
    if (agents.size || byConversation.size) void read();
  }, SAFETY_READ_MS);
  safety.unref();

  const attach = (sub: HubSubscriber) => {
    if (sub.conversationId === null) agents.add(sub);
    else {
      const set = byConversation.get(sub.conversationId) ?? new Set();
      set.add(sub);
      byConversation.set(sub.conversationId, set);
    }
  };
  const mineOf = (sub: HubSubscriber, events: EventRecord[]) => (sub.conversationId === null ? events : events.filter((e) => e.conversationId === sub.conversationId));

  return {
    async join(sub, after) {
      await start();
      let at = after;
      for (;;) {
        // Recent enough: the rest comes from memory, and the stream goes live in the same tick,
        // so no batch the hub reads can fall between the two.
        if (at >= keptFrom) {
          const rest = mineOf(sub, kept.filter((e) => e.seq > at));
          if (rest.length) sub.deliver(rest);
          attach(sub);
          return;
        }
        // Further behind than the hub remembers: read the gap from the database.
        const { events, end } = await readEventLog(db, at, BATCH, sub.conversationId ? { conversationId: sub.conversationId } : {});
        if (events.length) sub.deliver(events);
        at = end;
      }
    },
    leave(sub) {
      agents.delete(sub);
      if (sub.conversationId === null) return;
      const set = byConversation.get(sub.conversationId);
      set?.delete(sub);
      if (set && !set.size) byConversation.delete(sub.conversationId);
    },
    async position() {
      await start();
      return cursor;
    },
    close() {
      closed = true;
      unsubscribe();
      clearInterval(safety);
      if (retry) clearTimeout(retry);
    },
  };
}
