import { randomUUID } from 'node:crypto';
import { CUSTOMER_EVENT_NAMES, describeTextProblem, findUnsafeText, ZClientFrameSchema } from '@baton/contracts';
import type { TClientFrame, TEventName, TStreamFrame, TStreamSignal } from '@baton/contracts';
import { firstName } from '@baton/core';
import { z } from 'zod';
import type { EventRecord } from '../adapters/db/repositories/events.repository.js';
import { authenticateAgent, authenticateCustomer } from '../app/agent-auth.js';
import type { Slot } from '../app/limiter.js';
import { noteAgentStream } from '../app/note-agent-stream.js';
import { watchAgentPresence } from '../app/release-absent-agent.js';
import { noteCustomerRead } from '../app/note-customer-read.js';
import { noteCustomerSeen } from '../app/note-customer-seen.js';
import { maskForChannel } from '../app/privacy/mask-for-channel.js';
import { hashToken } from '../app/tokens.js';
import { wireEvent } from '../app/wire.js';
import { DomainError, ERRORS, mapError } from '../errors.js';
import type { Principal } from '../http/auth.js';
import { bearer, principalFor } from '../http/auth.js';
import type { ApiPlugin } from '../http/zod-schemas.js';
import { createEventHub } from './event-hub.js';
import { createKeepAlive } from './keep-alive.js';
import { createSessionWatch } from './session-watch.js';

/** How often an open stream looks at its session's deadline (in memory) and renews its connection slots. */
const TICK_MS = 5000;
/** How long a shutdown waits for what the closing streams write. */
const SHUTDOWN_WRITES_MS = 3000;
/**
 * Every this many ticks an agent's session is checked in the database all the same (a token used
 * elsewhere, a clock change); customers' sessions are checked all together (`SessionWatch`).
 */
const FULL_CHECK_TICKS = 12;

const ZQuery = z.object({ after: z.coerce.number().int().min(-1).optional() });

/** A connection passes on "typing" at most this often; the rest are dropped (the indicator lasts longer than this). */
export const TYPING_EVERY_MS = 2000;

/** What a customer may see of an event: their conversation's public side, never briefs or notes. */
const CUSTOMER_EVENTS = new Set<TEventName>(CUSTOMER_EVENT_NAMES);

/** Who hears a signal: typing goes to the other side of the conversation; the read mark to agents. */
export function signalFor(p: Principal, s: TStreamSignal): boolean {
  if (p.kind === 'agent') return s.type === 'seen' || s.who.kind === 'customer';
  return s.conversationId === p.conversationId && s.type === 'typing' && s.who.kind === 'agent';
}

export function visibleTo(p: Principal, e: EventRecord): boolean {
  if (p.kind === 'agent') return true;
  if (e.conversationId !== p.conversationId || !CUSTOMER_EVENTS.has(e.type)) return false;
  return e.type !== 'message.created' || !e.payload.message.private;
}

/**
 * The realtime stream: `GET /api/v1/stream?token=…&after=SEQ` upgraded to a WebSocket. Every
 * event carries its global sequence number; the client resumes from the last one it saw, and the
 * server reads from the database what came after, so a dropped connection loses nothing. Without
 * `after`, the stream starts at the current end (nothing old is replayed).
 */
export const streamRoutes: ApiPlugin = async (app, { ctx }) => {
  // One reader of the event log for the node, fanning events out to the sockets in memory.
  const hub = createEventHub(ctx);
  // One check of the customers' sessions for the node, not a query per socket.
  const watch = createSessionWatch(ctx);
  // One ping round for the node's sockets: a half-open connection is closed within two rounds.
  const keepAlive = createKeepAlive(ctx.config.wsPingSeconds * 1000);
  /** The node's open streams: cut at shutdown, and settled once what their close writes is stored. */
  const streams = new Map<{ terminate(): void }, Promise<void>>();
  app.addHook('onClose', async () => {
    // The server asked each socket to close; those still open are cut now, and what their closing
    // writes (the agent's last sign of life and presence check, the customer's last seen) is stored
    // before the database closes, within a bound so a stuck write cannot hold the shutdown.
    const settled = Promise.allSettled([...streams.values()]);
    for (const socket of streams.keys()) socket.terminate();
    let bound: NodeJS.Timeout | undefined;
    await Promise.race([settled, new Promise((resolve) => (bound = setTimeout(resolve, SHUTDOWN_WRITES_MS)))]);
    clearTimeout(bound);
    hub.close();
    watch.close();
    keepAlive.close();
  });
  // Public to the HTTP hook: the token is checked here, so that a bad one gets a close code.
  app.get('/stream', { websocket: true, config: { public: true }, schema: { summary: 'Realtime events over WebSocket; `token` and `after=SEQ` in the query' } }, async (socket, req) => {
    const send = (frame: TStreamFrame) => socket.send(JSON.stringify(frame));
    let principal: Principal;
    let cursor: number;
    const token = bearer(req);
    // Connection limits (limits.ts): attempts and open streams per address, open streams per token.
    const slots: Slot[] = [];
    const connection = randomUUID();
    try {
      await ctx.limiter.take('ws_connect.address', req.ip);
      slots.push(await ctx.limiter.acquire('ws.address', req.ip, connection));
      principal = await principalFor(ctx, token);
      slots.push(await ctx.limiter.acquire('ws.token', hashToken(token!), connection));
      const q = ZQuery.safeParse(req.query);
      if (!q.success) throw new DomainError('VALIDATION_ERR_QUERY', 'after must be a whole number', 'after');
      cursor = q.data.after ?? (await hub.position());
    } catch (err) {
      for (const slot of slots) void slot.release().catch(() => {});
      const mapped = mapError(err);
      if (!mapped.expected) ctx.log('error', 'stream: could not open', { error: (err as Error).message });
      const message = mapped.expected ? mapped.body.error.message : 'could not open the stream';
      send({ type: 'error', error: { code: mapped.code, message } });
      socket.close(mapped.wsClose, mapped.code);
      return;
    }
    // A customer's open stream is their presence in the queue (abandonment, DESIGN §1): noted on
    // connect, on every ping (the widget pings every 25 s) and on close.
    // An agent's open stream is their presence for routing (BATON_PRESENCE_GRACE_SECONDS): noted
    // on connect, every few seconds while open, and on close.
    const seen = (): Promise<void> =>
      principal.kind === 'customer'
        ? noteCustomerSeen(ctx, principal.conversationId).catch((err: Error) => ctx.log('warn', 'stream: could not note the customer as seen', { error: err.message }))
        : noteAgentStream(ctx, principal.agent.id).catch((err: Error) => ctx.log('warn', 'stream: could not note the agent as connected', { error: err.message }));
    seen();
    keepAlive.watch(socket);
    let closed = false;
    // The session cannot outlive this instant without a check in the database (login or last use + its lifetime).
    let deadline = ctx.clock().getTime() + (principal.kind === 'agent' ? ctx.config.sessionHours : ctx.config.customerTokenIdleHours) * 3_600_000;
    /**
     * The stream lives only as long as its session: a logout, an expiry, a new role, a new
     * password or a disabled account (for an agent), an idle token (for a customer) closes it
     * with AUTH_ERR_SESSION_ENDED (close code 4401) before anything more is sent.
     */
    const sessionGoes = async (): Promise<boolean> => {
      const alive = principal.kind === 'agent' ? (await authenticateAgent(ctx, token!))?.id === principal.agent.id : (await authenticateCustomer(ctx, token!)) === principal.conversationId;
      return checked(alive);
    };
    /** Acts on a check of the session: the deadline moves on, or the stream ends. Returns whether it ended. */
    const checked = (alive: boolean): boolean => {
      if (alive) deadline = ctx.clock().getTime() + (principal.kind === 'agent' ? ctx.config.sessionHours : ctx.config.customerTokenIdleHours) * 3_600_000;
      if (alive || closed) return !alive;
      closed = true;
      const code = 'AUTH_ERR_SESSION_ENDED' as const;
      send({ type: 'error', error: { code, message: 'the session has ended (logout, expiry, or a change to the account); sign in again' } });
      socket.close(ERRORS[code].wsClose, code);
      return true;
    };
    /** Sends events in order, once each; an event about this agent's access waits for the session check. */
    let sending: Promise<void> = Promise.resolve();
    const sendEvents = async (events: EventRecord[]) => {
      for (const e of events) {
        if (closed) return;
        if (e.seq <= cursor) continue;
        cursor = e.seq;
        // This agent's sessions changed: nothing more is sent until this one is known to live.
        if (principal.kind === 'agent' && e.type === 'agent.access_changed' && e.agentId === principal.agent.id && (await sessionGoes())) return;
        if (!visibleTo(principal, e)) continue;
        const event = wireEvent(e);
        send({ type: 'event', event: principal.kind === 'customer' ? maskForChannel(ctx.config, 'customer', event) : event });
      }
    };
    const subscriber = {
      conversationId: principal.kind === 'customer' ? principal.conversationId : null,
      deliver: (events: EventRecord[]) => {
        sending = sending.then(() => sendEvents(events)).catch((err: Error) => ctx.log('warn', 'stream: could not send events', { error: err.message }));
      },
    };
    const unsignal = ctx.bus.onSignal((s) => {
      if (!closed && signalFor(principal, s)) send(s);
    });
    let lastTyping = 0;
    let lastRead = 0;
    /** "I am typing" and "I have seen up to…": passed on, never stored as events. */
    const onSignalFrame = (frame: Extract<TClientFrame, { type: 'typing' | 'seen' }>) => {
      if (frame.type === 'seen') {
        // Only a mark further on than this connection already gave reaches the database.
        if (principal.kind !== 'customer' || frame.seq <= lastRead) return;
        lastRead = frame.seq;
        void noteCustomerRead(ctx, principal.conversationId, frame.seq).catch((err: Error) => ctx.log('warn', 'stream: could not note what the customer read', { error: err.message }));
        return;
      }
      const now = performance.now();
      if (now - lastTyping < TYPING_EVERY_MS) return;
      lastTyping = now;
      if (principal.kind === 'customer') ctx.bus.signal({ type: 'typing', conversationId: principal.conversationId, who: { kind: 'customer' } });
      else if (frame.conversationId) ctx.bus.signal({ type: 'typing', conversationId: frame.conversationId, who: { kind: 'agent', name: firstName(principal.agent.name) } });
    };
    // The session's deadline is watched in memory; the database is asked when it is due, and once a
    // minute (for a customer, with every other customer's stream of the node, in one query).
    const watched = principal.kind === 'customer' ? { tokenHash: hashToken(token!), conversationId: principal.conversationId, checked } : null;
    if (watched) watch.watch(watched);
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
      if (principal.kind === 'agent') void seen();
      if (ctx.clock().getTime() >= deadline || (!watched && ticks % FULL_CHECK_TICKS === 0)) void sessionGoes().catch((err: Error) => ctx.log('warn', 'stream: could not check the session', { error: err.message }));
      if (ticks % 6 === 0) for (const slot of slots) void slot.renew().catch(() => {});
    }, TICK_MS);
    socket.on('message', (raw: Buffer) => {
      const json = safeJson(raw.toString());
      const bad = findUnsafeText(json);
      if (bad) {
        send({ type: 'error', error: { code: 'VALIDATION_ERR_TEXT', message: describeTextProblem(bad.field || 'frame', bad.problem) } });
        return;
      }
      const frame = ZClientFrameSchema.safeParse(json);
      if (!frame.success) {
        send({ type: 'error', error: { code: 'VALIDATION_ERR_BODY', message: 'frames are {"type":"ping"}, {"type":"typing","conversationId"?}, {"type":"seen","seq"}' } });
        return;
      }
      if (frame.data.type === 'ping') {
        void seen();
        send({ type: 'pong', seq: cursor });
      } else if (frame.data.type === 'typing' || frame.data.type === 'seen') onSignalFrame(frame.data);
    });
    let settle = () => {};
    if (socket.readyState === socket.OPEN) streams.set(socket, new Promise<void>((resolve) => (settle = resolve)));
    socket.on('close', () => {
      const writes: Promise<void>[] = [];
      // A stream closed because its session ended (a logout) does not keep its agent online.
      if (!closed || principal.kind === 'customer') writes.push(seen());
      // If no stream of theirs is heard from within the grace period, what waits on them goes back to the queue.
      if (principal.kind === 'agent') writes.push(watchAgentPresence(ctx, principal.agent.id).catch((err: Error) => ctx.log('warn', 'stream: could not book the presence check of an agent who left', { error: err.message })));
      void Promise.allSettled(writes).then(() => {
        streams.delete(socket);
        settle();
      });
      closed = true;
      unsignal();
      hub.leave(subscriber);
      if (watched) watch.unwatch(watched);
      clearInterval(timer);
      for (const slot of slots) void slot.release().catch((err: Error) => ctx.log('warn', 'stream: could not release a connection slot', { error: err.message }));
    });
    send({ type: 'ready', seq: cursor, principal: principal.kind === 'agent' ? { kind: 'agent', id: principal.agent.id } : { kind: 'customer', conversationId: principal.conversationId } });
    try {
      await hub.join(subscriber, cursor);
      if (closed) hub.leave(subscriber);
    } catch (err) {
      ctx.log('warn', 'stream: could not read the events missed', { error: (err as Error).message });
      socket.close(1011, 'could not read the events missed; reconnect with after=');
    }
  });
};

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
