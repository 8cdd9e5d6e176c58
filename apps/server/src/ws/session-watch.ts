import { authenticateCustomers } from '../app/agent-auth.js';
import type { AppContext } from '../app/context.js';

/** How often the node checks the tokens of all its customers' open streams in the database. */
export const SESSION_CHECK_MS = 60_000;
/** Tokens checked per query. */
const PER_QUERY = 1000;

/** A customer's open stream, as the watch sees it. */
export interface WatchedSession {
  tokenHash: string;
  conversationId: string;
  /** The answer of a check: whether the token still opens this conversation. */
  checked(alive: boolean): void;
}

export interface SessionWatch {
  /** Checks this stream's token with the others, once per `SESSION_CHECK_MS`, until `unwatch`. */
  watch(session: WatchedSession): void;
  unwatch(session: WatchedSession): void;
  /** Checks every watched token now (what the timer does). */
  checkAll(): Promise<void>;
  close(): void;
}

/**
 * One check of customers' sessions per node and interval, not one per socket: ten thousand idle
 * widgets cost ten reads a minute of the conversations' tokens, ten more of the tokens continue
 * links gave other devices (and one write for the tokens whose use is due to be noted), instead
 * of ten thousand. A token that no longer opens its conversation (its conversation erased, or idle
 * too long) ends its stream at the next check.
 */
export function createSessionWatch(ctx: AppContext): SessionWatch {
  const sessions = new Set<WatchedSession>();
  let running: Promise<void> | null = null;
  const checkAll = async () => {
    // Streams by token: a customer with the widget open in several tabs is one token to check.
    const byToken = new Map<string, WatchedSession[]>();
    for (const s of sessions) {
      const streams = byToken.get(s.tokenHash);
      if (streams) streams.push(s);
      else byToken.set(s.tokenHash, [s]);
    }
    const tokens = [...byToken.keys()];
    for (let i = 0; i < tokens.length; i += PER_QUERY) {
      const batch = tokens.slice(i, i + PER_QUERY);
      const alive = await authenticateCustomers(ctx, batch);
      for (const hash of batch) for (const s of byToken.get(hash)!) if (sessions.has(s)) s.checked(alive.get(hash) === s.conversationId);
    }
  };
  const timer = setInterval(() => {
    // A check still running (a slow database) is not doubled.
    running ??= checkAll()
      .catch((err: Error) => ctx.log('warn', 'stream: could not check the customers’ sessions', { error: err.message, streams: sessions.size }))
      .finally(() => (running = null));
  }, SESSION_CHECK_MS);
  timer.unref();
  return {
    watch: (s) => void sessions.add(s),
    unwatch: (s) => void sessions.delete(s),
    checkAll,
    close: () => {
      clearInterval(timer);
      sessions.clear();
    },
  };
}
