import type { ResolveHost } from './outbound-guard.js';
import { clipText } from '@baton/core';

/** What one attempt to reach an endpoint gave: 2xx (or SMTP accepted) is `ok`; anything else is retried. */
export interface SendResult {
  ok: boolean;
  /** The HTTP status (SMTP: the reply code when there was one); null when no response came. */
  status: number | null;
  /** Why it failed, short enough for the delivery log; null on success. */
  error: string | null;
}

/** Common to every sender. */
export interface SendOptions {
  /** A slow receiver counts as a failure after this long (default 5000 ms). */
  timeoutMs?: number;
  /** BATON_OUTBOUND_ALLOW: internal hosts, addresses or ranges an admin allowed (none by default). */
  outboundAllow?: readonly string[];
  /** Resolves host names (default: the system's DNS); tests give one that changes its answer. */
  resolveHost?: ResolveHost;
}

export const DEFAULT_SEND_TIMEOUT_MS = 5000;

/** Trims an error for the log: one line, at most 300 characters. */
export function shortError(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return clipText(one, 300);
}
