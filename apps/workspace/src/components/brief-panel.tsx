import { formatDate, humanize } from '../hooks';
import type { TBrief as Brief, THandoff as Handoff } from '@baton/contracts';
import { Countdown } from './countdown';
import { PriorityBadge } from './priority-badge';

const TREND_ARROW = { improving: '↗', steady: '→', worsening: '↘' } as const;

/** The brief (DESIGN §4), laid out to be read in under 30 seconds: the headline and why first. */
export function BriefPanel({ handoff }: { handoff: Handoff }) {
  const b: Brief = handoff.brief;
  const h = b.headline;
  const tech = b.technical;
  const techRows = tech
    ? ([
        ['Error codes', tech.errorCodes],
        ['Versions', tech.versions],
        ['Browsers', tech.browsers],
        ['Devices', tech.devices],
      ] as const).filter(([, v]) => v.length)
    : [];
  return (
    <section className={`brief prio-top-${handoff.priority}`} aria-labelledby="brief-h" data-testid="brief">
      <div className="brief-head">
        <div>
          <p className="eyebrow">
            Handoff brief{b.caseNumber ? ` · ${b.caseNumber}` : ''}
            {b.language && b.language !== 'und' ? ` · reply in ${b.language.toUpperCase()}` : ''}
          </p>
          <h1 id="brief-h" className="brief-headline">
            {h?.customerName ?? 'Customer'}
            {h?.tier || h?.accountId ? <span className="brief-sub"> ({[h?.tier, h?.accountId].filter(Boolean).join(', ')})</span> : null}
            {h?.team ? <span className="brief-sub"> → {h.team}</span> : null}
          </h1>
          <p className="brief-issue">{h?.issue ?? b.intent?.summary}</p>
        </div>
        <div className="brief-status">
          <PriorityBadge priority={handoff.priority} />
          {handoff.status === 'waiting' || (handoff.status === 'assigned' && !handoff.firstHumanReplyAt) ? <Countdown dueAt={handoff.slaDueAt} /> : null}
        </div>
      </div>

      <div className="brief-grid">
        <div className="brief-card">
          <h2>Why it escalated</h2>
          <ul className="plain">
            {(b.reasons ?? handoff.reasons.map((r) => ({ code: r.code, label: humanize(r.code), detail: r.detail, messageIndex: -1 }))).map((r) => (
              <li key={r.code}>
                <strong>{r.label}</strong>
                <span className="muted"> — {r.detail}</span>
              </li>
            ))}
          </ul>
        </div>

        {b.sentiment ? (
          <div className="brief-card">
            <h2>Sentiment</h2>
            <p>
              <span className={`sentiment sentiment-${b.sentiment.label}`}>{b.sentiment.label}</span>{' '}
              <span className={`trend trend-${b.sentiment.direction}`}>
                <span aria-hidden="true">{TREND_ARROW[b.sentiment.direction]}</span> {b.sentiment.direction}
              </span>
            </p>
            {b.sentiment.trend.length > 1 ? (
              <p className="muted small" aria-label="Sentiment by customer turn">
                {b.sentiment.trend.map((t) => t.label).join(' → ')}
              </p>
            ) : null}
          </div>
        ) : null}

        {b.intent ? (
          <div className="brief-card">
            <h2>Wants</h2>
            <p>{b.intent.summary}</p>
            {b.intent.topics.length ? <p className="muted small">Topics: {b.intent.topics.map(humanize).join(', ')}</p> : null}
          </div>
        ) : null}

        {b.entities?.length ? (
          <div className="brief-card">
            <h2>Key details</h2>
            <ul className="plain entities">
              {b.entities.map((e) => (
                <li key={`${e.kind}:${e.value}`}>
                  <span className="muted">{humanize(e.kind)}:</span> <strong>{e.value}</strong>
                  {e.status ? <span className="muted"> ({e.status})</span> : null}
                  {e.verified ? (
                    <span className="verified" title="Confirmed by a tool">
                      {' '}
                      ✓ <span className="small">verified</span>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {b.attempts?.length ? (
          <div className="brief-card">
            <h2>What the AI tried</h2>
            <ul className="plain attempts">
              {b.attempts.map((a) => (
                <li key={`${a.kind}:${a.ref}:${a.messageIndex}`}>
                  <span className={`mark mark-${a.worked === true ? 'ok' : a.worked === false ? 'fail' : 'unknown'}`} aria-hidden="true">
                    {a.worked === true ? '✓' : a.worked === false ? '✗' : '?'}
                  </span>
                  <span className="visually-hidden">{a.worked === true ? 'Worked: ' : a.worked === false ? 'Did not work: ' : 'Result unknown: '}</span>
                  {a.title}
                  <span className="muted small"> · {a.kind === 'article' ? 'KB article' : 'tool'}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {b.account ? (
          <div className="brief-card">
            <h2>Account</h2>
            <dl className="kv">
              {b.account.tier ? (
                <>
                  <dt>Tier</dt>
                  <dd>{b.account.tier}</dd>
                </>
              ) : null}
              {b.account.status ? (
                <>
                  <dt>Status</dt>
                  <dd>{b.account.status}</dd>
                </>
              ) : null}
              {b.account.since ? (
                <>
                  <dt>Customer since</dt>
                  <dd>
                    {formatDate(b.account.since)}
                    {b.account.tenureMonths !== undefined ? ` (${tenure(b.account.tenureMonths)})` : ''}
                  </dd>
                </>
              ) : null}
              <dt>Orders</dt>
              <dd>
                {b.account.orderCount}
                {b.account.orders.length ? ': ' : ''}
                {b.account.orders.map((o) => `#${o.id} ${o.status}${o.total ? ` (${money(o.total.amount, o.total.currency)})` : ''}`).join(', ')}
              </dd>
              {b.account.subscriptions.length ? (
                <>
                  <dt>Subscriptions</dt>
                  <dd>{b.account.subscriptions.map((s) => `${s.plan} (${s.status})`).join(', ')}</dd>
                </>
              ) : null}
              <dt>Tickets, {b.account.ticketWindowDays} days</dt>
              <dd>{b.account.recentTickets.length ? b.account.recentTickets.map((t) => `${t.caseNumber}${t.category ? ` ${t.category}` : ''}${t.outcome ? ` (${t.outcome})` : ''}`).join(', ') : 'none'}</dd>
            </dl>
          </div>
        ) : null}

        {techRows.length ? (
          <div className="brief-card">
            <h2>Technical</h2>
            <dl className="kv">
              {techRows.map(([k, v]) => (
                <div key={k} className="kv-row">
                  <dt>{k}</dt>
                  <dd>{v.join(', ')}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : null}

        {b.nextSteps?.length ? (
          <div className="brief-card brief-next">
            <h2>Next steps</h2>
            <ol>
              {b.nextSteps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </div>
        ) : null}
      </div>
      {b.missingContext?.length ? <p className="muted small brief-missing">Not available: {b.missingContext.map(humanize).join(', ')}</p> : null}
    </section>
  );
}

function tenure(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return [y ? `${y} yr` : '', m ? `${m} mo` : ''].filter(Boolean).join(' ') || 'new';
}

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}
