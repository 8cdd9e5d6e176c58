import type { Sql } from '../adapters/db/database.js';
import type { TEventName } from '@baton/contracts';
import type { EventRecord } from '../adapters/db/repositories/events.repository.js';
import { lastEventSeq, listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { claimListenerCursor, listenerCursor, moveListenerCursor } from '../adapters/db/repositories/listener-cursors.repository.js';
import type { AppContext } from '../app/context.js';

/**
 * A side effect that follows the event log (DESIGN §1: webhooks, notifications and outbound mail
 * read the events). One listener per concern, each with a durable cursor in `listener_cursors`,
 * so a restart resumes where it stopped and every event is handled exactly once per listener.
 *
 * `handle` runs inside the transaction that advances the cursor, so its database writes and the
 * cursor move commit together. It must only write to the database (PGlite has one connection, held
 * by the transaction): network calls and job scheduling belong in `afterCommit`, which runs once
 * the batch is committed — e.g. `handle` stores pending webhook deliveries, `afterCommit` wakes the
 * sender.
 */
export interface EventListener<N extends TEventName = TEventName> {
  /** Unique and stable: it names the cursor row. */
  name: string;
  /** The event types it wants; others only advance the cursor. `handle` gets only these, typed. */
  types: readonly N[] | 'all';
  handle(ctx: AppContext, tx: Sql, event: EventRecord<N>): Promise<void>;
  afterCommit?(ctx: AppContext, handled: EventRecord<N>[]): Promise<void>;
}

/** Declares a listener, inferring from `types` the events its `handle` receives. */
export function defineListener<N extends TEventName>(listener: EventListener<N>): EventListener<N> {
  return listener;
}

export interface RunningListener {
  /** Processes everything pending now; resolves when caught up. For tests and shutdown. */
  drain(): Promise<void>;
  /** Stops waking up, and resolves once a run in progress has finished (before the database closes). */
  stop(): Promise<void>;
}

/**
 * Starts a listener: woken by the bus on every commit and every few seconds as a safety net. Only
 * one node advances a cursor at a time (`for update skip locked` on the cursor row), so with
 * several nodes each event is handled once, by whichever node holds the row.
 */
export function startListener<N extends TEventName>(ctx: AppContext, listener: EventListener<N>, opts: { intervalMs?: number; batch?: number } = {}): RunningListener {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const wanted = listener.types === 'all' ? null : new Set<TEventName>(listener.types);

  const once = async (): Promise<boolean> => {
    const handled: EventRecord<N>[] = [];
    const more = await ctx.db.transaction().execute(async (tx) => {
      const cursor = await claimListenerCursor(tx, listener.name);
      if (cursor === null) return false;
      const events = await listEventsAfter(tx, cursor, { limit: opts.batch ?? 100 });
      if (!events.length) return false;
      for (const e of events) {
        if (!wanted || wanted.has(e.type)) {
          // The filter is what makes the narrowing true: only the listener's own types reach `handle`.
          const mine = e as EventRecord<N>;
          await listener.handle(ctx, tx, mine);
          handled.push(mine);
        }
        await moveListenerCursor(tx, listener.name, e.seq);
      }
      return events.length === (opts.batch ?? 100);
    });
    if (handled.length && listener.afterCommit) await listener.afterCommit(ctx, handled);
    return more;
  };

  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          while (!stopped && (await once()));
        } while (again && !stopped);
      } catch (err) {
        ctx.log('error', `listener ${listener.name} failed; it will retry from its cursor`, { error: (err as Error).message });
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const unsubscribe = ctx.bus.subscribe(() => void run());
  const timer = setInterval(() => void run(), opts.intervalMs ?? 3000);
  void run();
  return {
    // Caught up means the cursor has reached the last event committed when drain was called, whichever
    // node (or runner) moved it: with several runners, one may hold the cursor while another drains.
    drain: async () => {
      const target = await lastEventSeq(ctx.db);
      const deadline = Date.now() + 15_000;
      for (;;) {
        await run();
        await running;
        if ((await listenerCursor(ctx.db, listener.name)) >= target) return;
        if (Date.now() > deadline) throw new Error(`listener ${listener.name} did not catch up to event ${target} within 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: async () => {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      await running;
    },
  };
}
