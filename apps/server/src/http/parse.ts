import type { z } from 'zod';
import { DomainError } from '../errors.js';

/** Parses a request part with its contract; the first problem becomes a 400 naming the field. */
export function parse<S extends z.ZodType>(schema: S, data: unknown, where: 'body' | 'query'): z.infer<S> {
  const r = schema.safeParse(data ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown field "${issue.keys.join('", "')}"` : `${field || where}: ${issue.message}`;
  throw new DomainError(where === 'body' ? 'VALIDATION_ERR_BODY' : 'VALIDATION_ERR_QUERY', message, field || undefined);
}
