/** The filter every metric and report takes: a period, and optionally one team and one channel. */
export interface MetricsFilter {
  /** Inclusive start of the period. */
  from?: Date;
  /** Exclusive end of the period. */
  to?: Date;
  /** A team id: handoffs routed to it, conversations it holds. */
  teamId?: string;
  /** A channel: 'web', 'email', … */
  channel?: string;
}

/** The positional parameters the clauses below read: $1 from, $2 to, $3 team, $4 channel. */
export function filterParams(f: MetricsFilter): unknown[] {
  return [f.from ?? null, f.to ?? null, f.teamId ?? null, f.channel ?? null];
}

/** Conversations (alias `c`) created in the period, on the team and channel. */
export const CONVERSATION_WHERE = `($1::timestamptz is null or c.created_at >= $1) and ($2::timestamptz is null or c.created_at < $2) and ($3::text is null or c.team_id = $3) and ($4::text is null or c.channel = $4)`;

/** Handoffs (alias `h`, with their conversation `c`) requested in the period, routed to the team, on the channel. */
export const HANDOFF_WHERE = `($1::timestamptz is null or h.created_at >= $1) and ($2::timestamptz is null or h.created_at < $2) and ($3::text is null or h.team_id = $3) and ($4::text is null or c.channel = $4)`;

/**
 * Whether conversation `p` belongs to the customer of conversation `c`: the same conversation,
 * the same customer id, or, when either side has no customer id (an email that never matched a
 * profile), the same email address. This is what "the same customer" means across conversations
 * and channels for repeat escalation.
 */
export function sameCustomer(c: string, p: string): string {
  return `(${p}.id = ${c}.id or (${c}.customer_id is not null and ${p}.customer_id = ${c}.customer_id) or ((${c}.customer_id is null or ${p}.customer_id is null) and ${c}.customer_email is not null and lower(${p}.customer_email) = lower(${c}.customer_email)))`;
}

/** Rounds to three decimals; null stays null (no data is not zero). */
export function round3(v: unknown): number | null {
  return v === null || v === undefined ? null : Math.round(Number(v) * 1000) / 1000;
}

/** a / b, or null when b is zero. */
export function ratio(a: unknown, b: unknown): number | null {
  const d = Number(b ?? 0);
  return d ? round3(Number(a ?? 0) / d) : null;
}
