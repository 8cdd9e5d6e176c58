import type { ChannelProfile } from './channel-port.js';

/** How a message may go now: as typed, as a template, tagged HUMAN_AGENT, held for the customer's next message, or not at all. */
export type SendMode = 'free' | 'template' | 'human_agent' | 'held' | 'skipped';

export interface WindowState {
  mode: SendMode;
  /** When the 24-hour window closes (or closed); null without a window or before the customer wrote. */
  closesAt: Date | null;
  /** The end of the HUMAN_AGENT days (Messenger, Instagram). */
  humanAgentUntil: Date | null;
  /** Why, in a sentence an agent can act on. */
  why: string;
}

const HOUR = 3_600_000;

/**
 * The customer-service window (docs/channels.md): within 24 hours of the customer's last message
 * anything may go. After it, on WhatsApp, only an approved template goes, so a person's reply is
 * held and a template asks the customer to write back; on Messenger and Instagram a person's own
 * reply may still go for 7 days tagged HUMAN_AGENT, never the AI's or an automatic notice. The AI
 * and the system never write outside the window: their messages are skipped.
 */
export function windowState(profile: ChannelProfile, lastInboundAt: Date | null, now: Date, authorKind: 'ai' | 'agent' | 'system' | null): WindowState {
  if (profile.windowHours === null) return { mode: 'free', closesAt: null, humanAgentUntil: null, why: 'This channel has no messaging window.' };
  const closesAt = lastInboundAt ? new Date(lastInboundAt.getTime() + profile.windowHours * HOUR) : null;
  const humanAgentUntil = lastInboundAt && profile.humanAgentDays ? new Date(lastInboundAt.getTime() + profile.humanAgentDays * 24 * HOUR) : null;
  const base = { closesAt, humanAgentUntil };
  if (closesAt && now < closesAt) return { mode: 'free', ...base, why: `The customer wrote within ${profile.windowHours} hours: replies go as typed until ${closesAt.toISOString()}.` };
  const person = authorKind === 'agent' || authorKind === null;
  if (!person) return { mode: 'skipped', ...base, why: `The ${profile.windowHours}-hour window has closed: only a person's reply may reach the customer now.` };
  if (profile.templates) return { mode: 'template', ...base, why: `The ${profile.windowHours}-hour window has closed: the reply is kept, and an approved template asks the customer to write back; the reply goes when they do.` };
  if (humanAgentUntil && now < humanAgentUntil) return { mode: 'human_agent', ...base, why: `The ${profile.windowHours}-hour window has closed: a person's reply goes tagged HUMAN_AGENT until ${humanAgentUntil.toISOString()}; the AI stays quiet.` };
  return { mode: 'held', ...base, why: `More than ${profile.humanAgentDays ?? 0} days since the customer wrote: replies are kept and go when they write again.` };
}
