import type { TBotHandoff, TBotReply, TBotRequest } from '@baton/contracts';
import { toSafeText, ZBotReplySchema } from '@baton/contracts';
import type { BotConfig } from '../../config.js';
import { httpPostForReply } from '../notify/http-post.js';
import { shortError } from '../notify/send-result.js';
import { webhookHeaders } from '../notify/webhook-sender.js';
import { parseRasaReply, rasaRequestBody } from './rasa-adapter.js';

/** How a call to the bot failed; the label of `baton_bot_failures_total`. */
export const BOT_FAILURE_KINDS = ['unreachable', 'timeout', 'http_status', 'invalid_reply', 'refused'] as const;
export type BotFailureKind = (typeof BOT_FAILURE_KINDS)[number];

/** The bot's answer: its messages and its request for a person, or why there is none. */
export type BotAnswer = { ok: true; messages: string[]; handoff: TBotHandoff | null } | { ok: false; kind: BotFailureKind; error: string };

/** The external bot in the AI's place (docs/bots.md). */
export interface BotClient {
  readonly kind: BotConfig['kind'];
  /** Posts one customer message with its context; never throws and never takes longer than the timeout. */
  ask(request: TBotRequest): Promise<BotAnswer>;
  /** Failures on this node since the start, by kind. */
  failures(): ReadonlyMap<BotFailureKind, number>;
}

/** Largest bot answer read: a few short messages fit many times over. */
const MAX_REPLY_BYTES = 256 * 1024;

export function createBotClient(config: BotConfig, opts: { outboundAllow: readonly string[]; clock: () => Date }): BotClient {
  const failures = new Map<BotFailureKind, number>();
  const fail = (kind: BotFailureKind, error: string): BotAnswer => {
    failures.set(kind, (failures.get(kind) ?? 0) + 1);
    return { ok: false, kind, error: shortError(error) };
  };
  return {
    kind: config.kind,
    failures: () => failures,
    async ask(request) {
      const body = config.kind === 'rasa' ? rasaRequestBody(request) : JSON.stringify(request);
      const timestamp = Math.floor(opts.clock().getTime() / 1000);
      // The message id names the delivery: a bot can tell a retried message from a new one.
      const headers = webhookHeaders({ secret: config.secret, deliveryId: `msg_${request.message.id}`, eventType: 'bot.message', body, timestamp }, 'Baton-Bot/1');
      // The request's own deadline covers connecting and the headers; this one covers a body that stalls too.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), config.timeoutMs + 200)));
      const res = await Promise.race([httpPostForReply(config.url, { headers, body }, { timeoutMs: config.timeoutMs, outboundAllow: opts.outboundAllow, maxBodyBytes: MAX_REPLY_BYTES }), late]).finally(() => clearTimeout(timer));
      if (!res) return fail('timeout', `timed out after ${config.timeoutMs} ms`);
      if (!res.ok) {
        if (res.error?.startsWith('timed out')) return fail('timeout', res.error);
        if (res.error?.startsWith('refused')) return fail('refused', res.error);
        return res.status === null ? fail('unreachable', res.error ?? 'no answer') : fail(res.status >= 200 && res.status < 300 ? 'invalid_reply' : 'http_status', res.error ?? `HTTP ${res.status}`);
      }
      let json: unknown;
      try {
        json = JSON.parse(res.body ?? '');
      } catch {
        return fail('invalid_reply', 'the answer is not JSON');
      }
      const reply = config.kind === 'rasa' ? parseRasaReply(json) : parseGenericReply(json);
      if (!reply.ok) return fail('invalid_reply', reply.error);
      // Stored as it is stored from any channel nobody can correct: no NUL, no lone surrogate (safe-text.ts).
      const messages = reply.reply.messages.map((m) => toSafeText(m.text).trim()).filter((t) => t.length > 0);
      const handoff = reply.reply.handoff ? { reason: toSafeText(reply.reply.handoff.reason), ...(reply.reply.handoff.note ? { note: toSafeText(reply.reply.handoff.note) } : {}) } : null;
      if (!messages.length && !handoff) return fail('invalid_reply', 'the answer has no text once made storable');
      return { ok: true, messages, handoff };
    },
  };
}

function parseGenericReply(json: unknown): { ok: true; reply: TBotReply } | { ok: false; error: string } {
  const parsed = ZBotReplySchema.safeParse(json);
  if (parsed.success) return { ok: true, reply: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `not a bot reply: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid'}` };
}
