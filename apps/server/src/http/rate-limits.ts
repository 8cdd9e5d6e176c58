import type { AppContext } from '../app/context.js';

/**
 * Limits on the public endpoints, per client address: enough for a person typing, far too few
 * for a script hammering the AI. Each endpoint has its own bucket.
 */
const LIMITS = {
  start: { max: 20, timeWindow: '1 minute' },
  message: { max: 60, timeWindow: '1 minute' },
  csat: { max: 10, timeWindow: '1 minute' },
  verify: { max: 10, timeWindow: '1 minute' },
  login: { max: 30, timeWindow: '1 minute' },
} as const;

export function publicLimit(_ctx: AppContext, kind: keyof typeof LIMITS) {
  return { ...LIMITS[kind], keyGenerator: (req: { ip: string }) => `${kind}:${req.ip}` };
}
