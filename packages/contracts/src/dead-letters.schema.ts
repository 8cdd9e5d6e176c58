import { z } from 'zod';

/** Where an event a listener failed to handle stands: being retried, set aside, or replayed by an admin. */
export const ZDeadLetterStatusSchema = z.enum(['retrying', 'dead', 'replayed']);

/** An event a listener (notifications, outbound mail, quality flags) could not handle. */
export const ZDeadLetterSchema = z.object({
  id: z.string(),
  /** The listener that failed: `notifications`, `email-outbound`, `quality`. */
  listener: z.string(),
  eventSeq: z.number().int(),
  eventType: z.string(),
  status: ZDeadLetterStatusSchema,
  /** Tries so far, replays included. */
  attempts: z.number().int(),
  /** The last error, at most 1,000 characters. */
  lastError: z.string(),
  /** When the next automatic try is due (while `retrying`). */
  nextAttemptAt: z.iso.datetime().nullable(),
  failedAt: z.iso.datetime(),
  deadAt: z.iso.datetime().nullable(),
  replayedAt: z.iso.datetime().nullable(),
});
export type TDeadLetter = z.infer<typeof ZDeadLetterSchema>;

/** `GET /admin/dead-letters`: `status` defaults to `dead`; `all` lists every status. */
export const ZDeadLettersQuerySchema = z.strictObject({
  status: z.enum(['retrying', 'dead', 'replayed', 'all']).optional(),
  listener: z.string().min(1).max(100).optional(),
});

/** `POST /admin/dead-letters/:id/replay`: the letter as it now stands, and whether the replay worked. */
export const ZReplayDeadLetterResponseSchema = z.object({ deadLetter: ZDeadLetterSchema, replayed: z.boolean() });

/** `POST /admin/dead-letters/replay`: every dead letter (of one listener, if named) replayed. */
export const ZReplayAllDeadLettersSchema = z.strictObject({ listener: z.string().min(1).max(100).optional() });
export const ZReplayAllDeadLettersResponseSchema = z.object({ replayed: z.number().int(), failed: z.number().int(), deadLetters: z.array(ZDeadLetterSchema) });
