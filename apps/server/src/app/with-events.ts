import type { TEventName, TEventPayload } from '@baton/contracts';
import type { Sql } from '../adapters/db/database.js';
import type { EventRecord, NewEvent } from '../adapters/db/repositories/events.repository.js';
import { appendEvent } from '../adapters/db/repositories/events.repository.js';
import type { AppContext } from './context.js';

/**
 * Appends an event inside the current transaction. `N` is inferred from `type`, and the payload
 * must be `TEventPayload<N>` (`EventMap` in `@baton/contracts`): an unknown name or a wrong
 * payload is a compile error.
 */
export type Emit = <N extends TEventName>(event: { type: N; payload: TEventPayload<N> } & Omit<NewEvent<N>, 'type' | 'payload'>) => Promise<EventRecord<N>>;

/**
 * Runs `fn` in a transaction and tells the other nodes about its events only after the commit,
 * so nobody is ever told about something that was rolled back.
 */
export async function withEvents<T>(ctx: AppContext, fn: (tx: Sql, emit: Emit) => Promise<T>): Promise<T> {
  let last = 0;
  const result = await ctx.db.transaction().execute(async (tx) => {
    const emit: Emit = async <N extends TEventName>(event: NewEvent<N>) => {
      const e = await appendEvent(tx, event, ctx.clock());
      last = Math.max(last, e.seq);
      return e;
    };
    return fn(tx, emit);
  });
  if (last) ctx.bus.publish(last);
  return result;
}
