import type { TConversationSummary } from '@baton/contracts';
import { Link } from '../../components/link';
import { visitorLabel } from '../../customer-label';
import { formatDate, humanize } from '../../hooks';

/** One case in search results or a customer's history: the case number, who, when, how it ended, and a line of text. */
export function ConversationSummaryRow({ c, showCustomer = true }: { c: TConversationSummary; showCustomer?: boolean }) {
  const who = c.customer.name ?? c.customer.email ?? visitorLabel(c.caseNumber, c.id);
  const title = (
    <>
      <span className="row-case">{c.caseNumber}</span>
      {showCustomer ? <span className="row-name"> {who}</span> : null}
    </>
  );
  const ended = c.resolution ? `${humanize(c.resolution.outcome)} · ${humanize(c.resolution.category)}` : c.handoffStatus ? humanize(c.handoffStatus) : humanize(c.status);
  return (
    <li className="summary-row" data-testid="conversation-summary" data-conversation-id={c.id}>
      {c.handoffId ? (
        <Link href={`/handoffs/${c.handoffId}`} className="row-link">
          {title}
        </Link>
      ) : (
        <span>{title}</span>
      )}
      <span className="muted small">
        {' '}
        · {formatDate(c.createdAt)} · {c.channel} · {ended}
      </span>
      {c.snippet ? <p className="summary-snippet">{c.snippet}</p> : null}
    </li>
  );
}
