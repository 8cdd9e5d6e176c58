import type { FastifyInstance } from 'fastify';
import { ZErrorSchema } from '@baton/contracts';
import type { z } from 'zod';

/** The first key of `sent` that the schema's parse dropped: a field the contract does not know. */
function unknownKey(sent: unknown, parsed: unknown, path: string): string | null {
  if (Array.isArray(sent) && Array.isArray(parsed)) {
    for (let i = 0; i < sent.length; i++) {
      const k = unknownKey(sent[i], parsed[i], `${path}[${i}]`);
      if (k) return k;
    }
  } else if (sent && typeof sent === 'object' && parsed && typeof parsed === 'object') {
    for (const [key, value] of Object.entries(sent)) {
      if (!(key in parsed)) return `${path}.${key}`;
      const k = unknownKey(value, (parsed as Record<string, unknown>)[key], `${path}.${key}`);
      if (k) return k;
    }
  }
  return null;
}

/**
 * For tests: every JSON response is checked against its route's response schema for that status
 * (an error against the error contract), fields the schema lacks included, and a mismatch becomes
 * a 500 naming the route and the field, which fails the test that received it.
 */
export function checkResponses(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' || !payload || !String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
    const declared = req.routeOptions.schema?.response as Record<string, z.ZodType> | undefined;
    const status = reply.statusCode;
    let schema: z.ZodType | undefined;
    if (status >= 400) schema = ZErrorSchema;
    else if (declared) {
      schema = declared[status] ?? declared[`${String(status)[0]}xx`];
      if (!schema) throw new Error(`${req.method} ${req.routeOptions.url} answered ${status}, which its schema does not declare`);
    }
    if (!schema) return payload;
    const sent: unknown = JSON.parse(payload);
    const r = schema.safeParse(sent);
    // Errors are checked for their shape only: the rate limiter adds its statusCode.
    const extra = r.success && status < 400 ? unknownKey(sent, r.data, '$') : null;
    const problem = r.success ? extra && `the schema lacks ${extra}` : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    if (problem) throw new Error(`${req.method} ${req.routeOptions.url} ${status}: the response does not match its schema: ${problem}`);
    return payload;
  });
}
