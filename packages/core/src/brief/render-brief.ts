import type { Brief, BriefAccount, BriefEntity } from './brief.js';
import { formatMoney } from './format-money.js';

/** Options for {@link renderBriefText}. */
export interface RenderBriefOptions {
  /** Include the transcript (default true). SMS leaves it out: the link carries it. */
  transcript?: boolean;
}

/**
 * Controls and bidi overrides are removed: a customer's text must not be able to move the
 * cursor in a terminal or reorder the line an agent reads. Newlines and tabs stay.
 */
function clean(text: string): string {
  return text.replace(/\p{Cc}|[\u202A-\u202E\u2066-\u2069]/gu, (ch) => (ch === '\n' || ch === '\t' ? ch : ''));
}

const TECHNICAL = new Set(['error_code', 'version', 'browser', 'device']);

function entityText(e: BriefEntity): string {
  let s: string;
  if (e.kind === 'order_number') s = `order #${e.value}`;
  else if (e.kind === 'amount' && e.amount !== undefined) s = formatMoney(e.amount, e.currency);
  else s = `${e.kind.replace(/_number$/, '').replace(/_/g, ' ')} ${e.value}`;
  if (e.verified) s += ` ✓ verified${e.status ? `, ${e.status}` : ''}`;
  return s;
}

function tenure(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts = [y ? `${y} yr` : '', m || !y ? `${m} mo` : ''].filter(Boolean);
  return parts.join(' ');
}

function accountLine(a: BriefAccount): string {
  const parts: string[] = [];
  if (a.tier) parts.push(a.tier);
  if (a.status) parts.push(a.status);
  if (a.since) parts.push(`since ${a.since.slice(0, 10)}${a.tenureMonths !== undefined ? ` (${tenure(a.tenureMonths)})` : ''}`);
  if (a.orderCount) {
    const more = a.orderCount > a.orders.length ? `, +${a.orderCount - a.orders.length} more` : '';
    parts.push(`orders: ${a.orders.map((o) => `#${o.id} ${o.status}`).join(', ')}${more}`);
  }
  if (a.subscriptions.length) parts.push(`subscriptions: ${a.subscriptions.map((s) => `${s.plan} (${s.status})`).join(', ')}`);
  const tickets = a.recentTickets.map((t) => [t.caseNumber, t.createdAt.slice(0, 10), t.category, t.outcome && `→ ${t.outcome}`].filter(Boolean).join(' '));
  parts.push(tickets.length ? `tickets in last ${a.ticketWindowDays} days: ${tickets.join('; ')}` : `no tickets in last ${a.ticketWindowDays} days`);
  return parts.join(' · ');
}

const MARK = { true: '✓', false: '✗', null: '?' } as const;

/**
 * The brief as plain text for email, Slack and SMS (DESIGN §4): priority first, then one line
 * per question an agent asks, empty sections left out, so it can be read in 30 seconds. The
 * output is text; a channel that interprets markup must escape it.
 */
export function renderBriefText(brief: Brief, options: RenderBriefOptions = {}): string {
  const lines: string[] = [];
  lines.push(`${brief.priority.toUpperCase()} priority · Case ${brief.caseNumber}`);
  lines.push(brief.headline.text);
  if (brief.reasons.length) {
    lines.push('Why:');
    for (const r of brief.reasons) lines.push(`- ${r.label}: ${r.detail} (message ${r.messageIndex + 1})`);
  }
  lines.push(`Sentiment: ${brief.sentiment.summary}`);
  const entities = brief.entities.filter((e) => !TECHNICAL.has(e.kind));
  if (entities.length) lines.push(`Entities: ${entities.map(entityText).join(' · ')}`);
  if (brief.attempts.length) lines.push(`AI tried: ${brief.attempts.map((a) => `${MARK[`${a.worked}`]} ${a.title}`).join(' · ')}`);
  if (brief.account) lines.push(`Account: ${accountLine(brief.account)}`);
  const t = brief.technical;
  const technical = [...t.errorCodes.map((c) => `error ${c}`), ...t.versions, ...t.browsers, ...t.devices];
  if (technical.length) lines.push(`Technical: ${technical.join(' · ')}`);
  lines.push('Next steps:');
  brief.nextSteps.forEach((s, i) => lines.push(`${i + 1}. ${s}`));
  lines.push('Suggested reply:', brief.suggestedReply);
  if (options.transcript !== false && brief.transcript.length) {
    lines.push('', 'Transcript:');
    for (const turn of brief.transcript) {
      const when = turn.at ? `[${turn.at.slice(0, 16).replace('T', ' ')}Z] ` : '';
      const who = turn.name ? `${turn.role} (${turn.name})` : turn.role;
      lines.push(`${when}${who}: ${turn.text.replace(/\r?\n/g, '\n  ')}`);
    }
  }
  return clean(lines.join('\n'));
}
