import type { z } from 'zod';
import { DomainError } from '../errors.js';

/** The first problem of a failed parse, as a 400 naming the field. */
export function validationError(error: z.ZodError, where: 'body' | 'query'): DomainError {
  const issue = error.issues[0]!;
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown field "${issue.keys.join('", "')}"` : `${field || where}: ${issue.message}`;
  return new DomainError(where === 'body' ? 'VALIDATION_ERR_BODY' : 'VALIDATION_ERR_QUERY', message, field || undefined);
}

