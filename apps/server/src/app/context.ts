import type { Engine, KbArticle, SentenceEncoder } from '@baton/core';
import type { AttachmentStore } from '../adapters/attachments/attachment-store.js';
import type { BotClient } from '../adapters/bot/bot-client.js';
import type { ChatwootClient } from '../adapters/integrations/chatwoot-client.js';
import type { ContextClient } from '../adapters/integrations/context-client.js';
import type { ZendeskClient } from '../adapters/integrations/zendesk-client.js';
import type { ZendeskMessagingClient } from '../adapters/integrations/zendesk-messaging-client.js';
import type { EventBus } from '../adapters/bus/event-bus.js';
import type { Database } from '../adapters/db/database.js';
import type { JobQueue } from '../adapters/jobs/job-queue.js';
import type { LlmClient } from '../adapters/llm/llm-client.js';
import type { Config } from '../config.js';
import type { Limiter } from './limiter.js';

/** A log line for the person running the server. */
export type Log = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

/**
 * What every use case works with. `main.ts` wires the real adapters; tests wire the same ones
 * (PGlite or PostgreSQL, the local bus), with a clock they control.
 */
export interface AppContext {
  db: Database;
  bus: EventBus;
  jobs: JobQueue;
  config: Config;
  /** The rate and connection limits, shared by all nodes through Redis when it is configured. */
  limiter: Limiter;
  log: Log;
  /** Where the bytes of attachments go (disk, the database, or S3); the rows are in `db`. */
  attachments: AttachmentStore;
  /**
   * The app's time, and its only source for what is stored or compared with something stored:
   * every `created_at`, `updated_at` and deadline is written from it, never from the database's
   * `now()` (the column defaults are for rows made by hand) nor from `Date.now()`. Tests run the
   * app on a clock of their own, so a time from anywhere else would put real and test time side
   * by side, and what a test measures would depend on the day it runs. Durations the process
   * measures for itself (timeouts, latencies, throttles) use `performance.now()`.
   */
  clock: () => Date;
  newId: () => string;
  /** The sentence encoder for customer messages, or null when it is off or could not load (the engine is then lexical). */
  encoder: SentenceEncoder | null;
  /** The engine for the current policy version; replaced when the policy changes. */
  engine: () => Engine;
  setEngine: (engine: Engine, policyVersion: number) => void;
  policyVersion: () => number;
  articles: () => ReadonlyMap<string, KbArticle>;
  /** The external bot in the AI's place (`BATON_BOT_URL`); absent or null: the embedded engine answers. */
  bot?: BotClient | null;
  /** The business's customer-data endpoint (`BATON_CONTEXT_URL`); absent or null: the built-in tables. */
  context?: ContextClient | null;
  /** Chatwoot's API as the agent bot (`BATON_CHATWOOT_*`); absent or null: off. */
  chatwoot?: ChatwootClient | null;
  /** Zendesk's API for tickets at handoff (`BATON_ZENDESK_*`); absent or null: off. */
  zendesk?: ZendeskClient | null;
  /** Zendesk messaging (`BATON_ZENDESK_MODE=messaging`); absent or null: off. */
  zendeskMessaging?: ZendeskMessagingClient | null;
  /** The language model for answers and briefs (`BATON_LLM`, docs/llm.md); absent or null: the embedded engine alone. */
  llm?: LlmClient | null;
  /** Reloads the KB folder and retrains the engine without a restart; other nodes follow. */
  reloadKb?: (by: string) => Promise<{ articles: number; version: number; ms: number }>;
}
