import { z } from 'zod';

/** A limit on how often: at most `max` in every window of `windowMs`. */
export interface RateLimit {
  kind: 'rate';
  max: number;
  windowMs: number;
}
/** A limit on how many at once: at most `max` open at the same time. */
export interface ConcurrencyLimit {
  kind: 'concurrent';
  max: number;
}

/**
 * Every limit the server applies, with its default and what it counts. Each one is set by
 * `BATON_LIMIT_<NAME>` (dots become underscores, e.g. `BATON_LIMIT_LOGIN_ADDRESS=30/1m`); a
 * rejection is counted in `/metrics` as `baton_rate_limited_total{limit="<name>"}`. The address
 * is the client's, as `BATON_TRUST_PROXY` allows reading it; the token is a customer's
 * conversation token or an agent's session; the account is the agent's.
 */
export const LIMITS = {
  'start.address': { kind: 'rate', max: 20, windowMs: 60_000, about: 'new conversations per address' },
  'customer_write.token': { kind: 'rate', max: 60, windowMs: 60_000, about: "a customer's messages, ratings and callback bookings per conversation token" },
  'write.address': { kind: 'rate', max: 600, windowMs: 60_000, about: 'writes (POST, PATCH, PUT, DELETE) per address, before any token is read' },
  'agent_write.account': { kind: 'rate', max: 300, windowMs: 60_000, about: "an agent's writes (POST, PATCH, PUT, DELETE) per account" },
  'read.token': { kind: 'rate', max: 300, windowMs: 60_000, about: "GET requests per customer's conversation token" },
  'read.account': { kind: 'rate', max: 600, windowMs: 60_000, about: 'GET requests per agent account' },
  'read.address': { kind: 'rate', max: 1200, windowMs: 60_000, about: 'GET requests per address, before any token is read' },
  'login.address': { kind: 'rate', max: 30, windowMs: 60_000, about: 'login attempts per address' },
  'verify.address': { kind: 'rate', max: 10, windowMs: 60_000, about: 'one-time code requests and entries per address (each code also has its own tries and hourly caps)' },
  'ws.token': { kind: 'concurrent', max: 5, about: 'open WebSocket streams per token' },
  'ws.address': { kind: 'concurrent', max: 50, about: 'open WebSocket streams per address' },
  'ws_connect.address': { kind: 'rate', max: 60, windowMs: 60_000, about: 'WebSocket connection attempts per address' },
  'smtp.address': { kind: 'rate', max: 30, windowMs: 60_000, about: 'SMTP sessions per sending address (the inbound listener)' },
  'smtp_open.address': { kind: 'concurrent', max: 10, about: 'open SMTP sessions per sending address' },
} as const satisfies Record<string, (Omit<RateLimit, 'kind'> & { kind: 'rate' } | ConcurrencyLimit) & { about: string }>;

export type LimitName = keyof typeof LIMITS;
export type LimitSettings = Record<LimitName, RateLimit | ConcurrencyLimit>;

/** Login lockout: after `afterFailures` failed logins on one account (or `addressAfterFailures` from one address), each further failure locks for `firstSeconds`, doubled each time, up to `maxSeconds`. */
export interface LockoutSettings {
  afterFailures: number;
  addressAfterFailures: number;
  firstSeconds: number;
  maxSeconds: number;
}
export const LOCKOUT_DEFAULTS: LockoutSettings = { afterFailures: 5, addressAfterFailures: 20, firstSeconds: 30, maxSeconds: 15 * 60 };

export const limitEnvName = (name: string) => `BATON_LIMIT_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `30/1m` (30 per minute; units s, m, h) for a rate, a whole number for a concurrency limit. */
function limitSchema(kind: 'rate' | 'concurrent') {
  return kind === 'rate'
    ? z.string().regex(/^\d+\/\d+[smh]$/, 'a count per period, such as 30/1m (units s, m, h)')
    : z.string().regex(/^\d+$/, 'a whole number of connections');
}

/** The env schema of every `BATON_LIMIT_*` variable, for config.ts. */
export const limitEnvShape = Object.fromEntries(Object.entries(LIMITS).map(([name, l]) => [limitEnvName(name), limitSchema(l.kind).optional()])) as Record<string, z.ZodOptional<z.ZodString>>;

/** The limits in force, from the defaults and the environment's `BATON_LIMIT_*` values (already checked by `limitEnvShape`). */
export function parseLimits(env: Record<string, unknown>): LimitSettings {
  const out = {} as LimitSettings;
  for (const [name, l] of Object.entries(LIMITS) as [LimitName, (typeof LIMITS)[LimitName]][]) {
    const raw = env[limitEnvName(name)];
    if (typeof raw !== 'string') {
      out[name] = l.kind === 'rate' ? { kind: 'rate', max: l.max, windowMs: l.windowMs } : { kind: 'concurrent', max: l.max };
    } else if (l.kind === 'rate') {
      const [, n, per, unit] = /^(\d+)\/(\d+)([smh])$/.exec(raw)!;
      out[name] = { kind: 'rate', max: Number(n), windowMs: Number(per) * UNIT_MS[unit as keyof typeof UNIT_MS] };
    } else out[name] = { kind: 'concurrent', max: Number(raw) };
  }
  return out;
}
