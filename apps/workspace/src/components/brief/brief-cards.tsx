import { humanize } from '../../hooks';
import type { TBrief as Brief, THandoff as Handoff } from '@baton/contracts';
import { BriefCard } from './brief-card';

const TREND_ARROW = { improving: '↗', steady: '→', worsening: '↘' } as const;

export function ReasonsCard({ brief: b, handoff }: { brief: Brief; handoff: Handoff }) {
  const reasons = b.reasons ?? handoff.reasons.map((r) => ({ code: r.code, label: humanize(r.code), detail: r.detail, messageIndex: -1 }));
  return (
    <BriefCard title="Why it escalated">
      <ul className="plain">
        {reasons.map((r) => (
          <li key={r.code}>
            <strong>{r.label}</strong>
            <span className="muted"> — {r.detail}</span>
          </li>
        ))}
      </ul>
    </BriefCard>
  );
}

export function SentimentCard({ sentiment: s }: { sentiment: NonNullable<Brief['sentiment']> }) {
  return (
    <BriefCard title="Sentiment">
      <p>
        <span className={`sentiment sentiment-${s.label}`}>{s.label}</span>{' '}
        <span className={`trend trend-${s.direction}`}>
          <span aria-hidden="true">{TREND_ARROW[s.direction]}</span> {s.direction}
        </span>
      </p>
      {s.trend.length > 1 ? (
        <p className="muted small" aria-label="Sentiment by customer turn">
          {s.trend.map((t) => t.label).join(' → ')}
        </p>
      ) : null}
    </BriefCard>
  );
}

export function EntitiesCard({ entities }: { entities: NonNullable<Brief['entities']> }) {
  return (
    <BriefCard title="Key details">
      <ul className="plain entities">
        {entities.map((e) => (
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
    </BriefCard>
  );
}

const RESULT = { ok: ['✓', 'Worked: '], fail: ['✗', 'Did not work: '], unknown: ['?', 'Result unknown: '] } as const;

export function AttemptsCard({ attempts }: { attempts: NonNullable<Brief['attempts']> }) {
  return (
    <BriefCard title="What the AI tried">
      <ul className="plain attempts">
        {attempts.map((a) => {
          const result = a.worked === true ? 'ok' : a.worked === false ? 'fail' : 'unknown';
          return (
            <li key={`${a.kind}:${a.ref}:${a.messageIndex}`}>
              <span className={`mark mark-${result}`} aria-hidden="true">
                {RESULT[result][0]}
              </span>
              <span className="visually-hidden">{RESULT[result][1]}</span>
              {a.title}
              <span className="muted small"> · {a.kind === 'article' ? 'KB article' : 'tool'}</span>
            </li>
          );
        })}
      </ul>
    </BriefCard>
  );
}

export function TechnicalCard({ technical: t }: { technical: Brief['technical'] }) {
  const rows = t
    ? (
        [
          ['Error codes', t.errorCodes],
          ['Versions', t.versions],
          ['Browsers', t.browsers],
          ['Devices', t.devices],
        ] as const
      ).filter(([, v]) => v.length)
    : [];
  if (!rows.length) return null;
  return (
    <BriefCard title="Technical">
      <dl className="kv">
        {rows.map(([k, v]) => (
          <div key={k} className="kv-row">
            <dt>{k}</dt>
            <dd>{v.join(', ')}</dd>
          </div>
        ))}
      </dl>
    </BriefCard>
  );
}
