import { clipText } from '@baton/core';
import type { Sql } from '../adapters/db/database.js';
import { withSavepoint } from '../adapters/db/savepoint.js';
import type { TEventName } from '@baton/contracts';
import type { EventRecord } from '../adapters/db/repositories/events.repository.js';
import { lastEventSeq, listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import { claimListenerCursor, listenerCursor, moveListenerCursor } from '../adapters/db/repositories/listener-cursors.repository.js';
import type { AppContext } from '../app/context.js';
import type { DeadLetterRecord } from '../adapters/db/repositories/dead-letters.repository.js';
import { clearRetryingFailure, failuresBetween, recordListenerFailure } from '../adapters/db/repositories/dead-letters.repository.js';

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

export interface ListenerOptions {
  intervalMs?: number;
  batch?: number;
  /** Tries of one event before it is set aside as a dead letter (default `BATON_LISTENER_MAX_ATTEMPTS`, 5). */
  maxAttempts?: number;
  /** The wait before the second try; each later try waits twice as long, up to `maxRetryDelayMs` (default 1 s, 60 s). */
  retryBaseMs?: number;
  maxRetryDelayMs?: number;
  /** How long after a commit the listener runs (default 20 ms): the commits in between make one batch. */
  wakeDelayMs?: number;
}

const WAKE_DELAY_MS = 20;

/** Thrown in a listener's quick pass to roll it back and run the batch again with a savepoint per event. */
class TakeCare extends Error {}

/** The listeners started in a context, by name, so that an admin can replay their dead letters. */
const started = new WeakMap<AppContext, Map<string, EventListener>>();

/** The listener of this name running in `ctx`, or null when this node does not run it. */
export function runningListener(ctx: AppContext, name: string): EventListener | null {
  return started.get(ctx)?.get(name) ?? null;
}

/**
 * Starts a listener: woken by the bus on every commit and every few seconds as a safety net. Only
 * one node advances a cursor at a time (`for update skip locked` on the cursor row), so with
 * several nodes each event is handled once, by whichever node holds the row.
 *
 * An event whose `handle` throws does not stop the listener for good (one bad row once did: every
 * notification after it was lost). Its writes are rolled back to a savepoint and the failure is
 * recorded in `dead_letters` with the cursor left before it; it is tried again after a backoff
 * (1 s, 2 s, 4 s, …), and after `maxAttempts` tries it is set aside as a dead letter — logged at
 * error level and counted in `/metrics` — and the listener carries on with the next event. An
 * admin lists and replays dead letters (`/api/v1/admin/dead-letters`).
 */
export function startListener<N extends TEventName>(ctx: AppContext, listener: EventListener<N>, opts: ListenerOptions = {}): RunningListener {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const wanted = listener.types === 'all' ? null : new Set<TEventName>(listener.types);
  const maxAttempts = opts.maxAttempts ?? ctx.config.listenerMaxAttempts;
  const retryDelay = (attempts: number) => Math.min((opts.retryBaseMs ?? 1000) * 2 ** (attempts - 1), opts.maxRetryDelayMs ?? 60_000);
  if (!started.has(ctx)) started.set(ctx, new Map());
  started.get(ctx)!.set(listener.name, listener as unknown as EventListener);

  /** Handles one event under a savepoint; `wait` when it failed (or waits for its retry) and the batch must stop before it. */
  const handleOne = async (tx: Sql, e: EventRecord<N>, failure: DeadLetterRecord | undefined): Promise<'handled' | 'skipped' | 'wait'> => {
    if (failure?.status === 'retrying' && failure.nextAttemptAt && failure.nextAttemptAt > ctx.clock()) return 'wait';
    if (failure && failure.status !== 'retrying') return 'skipped';
    try {
      await withSavepoint(tx, () => listener.handle(ctx, tx, e));
      if (failure) await clearRetryingFailure(tx, listener.name, e.seq);
      return 'handled';
    } catch (err) {
      const attempts = (failure?.attempts ?? 0) + 1;
      const dead = attempts >= maxAttempts;
      const now = ctx.clock();
      const error = clipText((err as Error).message || String(err), 1000);
      await recordListenerFailure(tx, { id: ctx.newId(), listener: listener.name, eventSeq: e.seq, eventType: e.type, error, at: now, nextAttemptAt: dead ? null : new Date(now.getTime() + retryDelay(attempts)), dead });
      ctx.log('error', dead ? `listener ${listener.name} set event ${e.seq} (${e.type}) aside as a dead letter after ${attempts} tries; it goes on with the next events` : `listener ${listener.name} could not handle event ${e.seq} (${e.type}); try ${attempts} of ${maxAttempts}, the next in ${retryDelay(attempts)} ms`, { listener: listener.name, eventSeq: e.seq, eventType: e.type, attempts, error });
      return dead ? 'skipped' : 'wait';
    }
  };

  /**
   * One batch. Most batches fail nowhere, so the first pass runs each `handle` straight in the
   * transaction (no savepoint: two round trips less per event). When one throws, or an event
   * has a failure on record, that pass is rolled back whole and the batch runs again carefully,
   * each event under a savepoint, its failure recorded (`handleOne`).
   */
  const pass = async (careful: boolean): Promise<{ more: boolean; handled: EventRecord<N>[] }> => {
    const handled: EventRecord<N>[] = [];
    const more = await ctx.db.transaction().execute(async (tx) => {
      const cursor = await claimListenerCursor(tx, listener.name, ctx.clock());
      if (cursor === null) return false;
      const events = await listEventsAfter(tx, cursor, { limit: opts.batch ?? 100 });
      if (!events.length) return false;
      const failures = await failuresBetween(tx, listener.name, events[0]!.seq, events.at(-1)!.seq);
      if (!careful && failures.size) throw new TakeCare();
      // The cursor moves once per batch, to the last event handled or skipped: it commits with them.
      let last = cursor;
      const moveTo = async (seq: number) => {
        if (seq > cursor) await moveListenerCursor(tx, listener.name, seq, ctx.clock());
      };
      for (const e of events) {
        if (!wanted || wanted.has(e.type)) {
          // The filter is what makes the narrowing true: only the listener's own types reach `handle`.
          const mine = e as EventRecord<N>;
          if (!careful) {
            await listener.handle(ctx, tx, mine).catch(() => {
              throw new TakeCare();
            });
            handled.push(mine);
            last = e.seq;
            continue;
          }
          const outcome = await handleOne(tx, mine, failures.get(e.seq));
          // A failed event holds the cursor before it until its retry is due (the interval wakes it).
          if (outcome === 'wait') {
            await moveTo(last);
            return false;
          }
          if (outcome === 'handled') handled.push(mine);
        }
        last = e.seq;
      }
      await moveTo(last);
      return events.length === (opts.batch ?? 100);
    });
    return { more, handled };
  };

  const once = async (): Promise<boolean> => {
    const { more, handled } = await pass(false).catch((err: unknown) => {
      if (err instanceof TakeCare) return pass(true);
      throw err;
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

  // A commit wakes the listener a moment later, so that the commits of that moment are handled
  // in one batch (one transaction) rather than one each.
  let wake: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = ctx.bus.subscribe(() => {
    wake ??= setTimeout(() => {
      wake = null;
      void run();
    }, opts.wakeDelayMs ?? WAKE_DELAY_MS);
  });
  const timer = setInterval(() => void run(), opts.intervalMs ?? 3000);
  void run();
  return {
    // Caught up means the cursor has reached the last event committed when drain was called, whichever
    // node (or runner) moved it: with several runners, one may hold the cursor while another drains.
    drain: async () => {
      const target = await lastEventSeq(ctx.db);
      const deadline = performance.now() + 15_000;
      for (;;) {
        await run();
        await running;
        if ((await listenerCursor(ctx.db, listener.name)) >= target) return;
        if (performance.now() > deadline) throw new Error(`listener ${listener.name} did not catch up to event ${target} within 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: async () => {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      if (wake) clearTimeout(wake);
      await running;
    },
  };
}
