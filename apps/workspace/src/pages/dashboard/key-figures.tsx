import { count, duration, pct, score } from '../../format';
import type { HandoffMetrics } from '../../metrics-types';
import { Kpi, KpiValue } from './kpi';

/** Satisfaction after a handoff, with the AI only and with people only, side by side. */
function CsatKpi({ csat }: { csat: HandoffMetrics['csat'] }) {
  const cells = [
    ['after-handoff', 'After a handoff', csat.afterHandoff],
    ['ai-only', 'AI only', csat.aiOnly],
    ['human-only', 'Human only', csat.humanOnly],
  ] as const;
  return (
    <Kpi id="csat" label="Customer satisfaction (1–5)" wide>
      <span className="csat-trio">
        {cells.map(([k, l, c]) => (
          <span key={k} className="csat-cell" data-testid={`csat-${k}`}>
            <KpiValue value={score(c.average)} />
            <span className="kpi-sub">
              {l}
              <br />
              {c.n ? count(c.n, 'rating') : 'no ratings'}
            </span>
          </span>
        ))}
      </span>
    </Kpi>
  );
}

/** The key figures of the period, each with what it was computed from. */
export function KeyFigures({ m }: { m: HandoffMetrics }) {
  const tth = m.timeToHumanSeconds;
  const noReplies = 'No replies yet';
  return (
    <section aria-labelledby="kpi-h" className="kpi-section">
      <h2 id="kpi-h" className="visually-hidden">
        Key figures
      </h2>
      <ul className="kpis plain">
        <Kpi id="handoff-rate" label="Conversations handed to a person" value={pct(m.handoffRate)} sub={m.conversations ? `${m.escalatedConversations} of ${count(m.conversations, 'conversation')}` : 'No conversations yet'} />
        <Kpi
          id="time-to-human"
          label="Time until a person replies"
          value={duration(tth.p50)}
          sub={
            tth.n ? (
              <>
                median · 9 in 10 within {duration(tth.p90)}
                <br />
                <span data-testid="acceptance">accepted in {duration(m.acceptanceSeconds.p50)} (median)</span>
              </>
            ) : (
              noReplies
            )
          }
        />
        <Kpi id="resolution-rate" label="Handoffs solved" value={pct(m.resolutionRate)} sub={m.resolved ? `${m.solved} of ${count(m.resolved, 'resolved handoff')}` : 'None resolved yet'} />
        <Kpi id="abandonment" label="Customers who gave up waiting" value={pct(m.abandonmentRate)} sub={m.handoffs ? `${m.abandoned} of ${count(m.handoffs, 'handoff')}` : 'No handoffs yet'} />
        <CsatKpi csat={m.csat} />
        <Kpi id="context-utilisation" label="Brief read before the first reply" value={pct(m.contextUtilisation)} sub={tth.n ? `of ${count(tth.n, 'replied handoff')}` : noReplies} />
        <Kpi id="context-completeness" label="Context the brief had" value={pct(m.contextCompleteness)} sub={m.contextCompleteness === null ? 'No briefs yet' : 'average completeness of briefs'} />
        <Kpi id="redundancy" label="Replies asking for what the brief had" value={pct(m.redundancyRate)} sub={m.customerRepeatRate === null ? noReplies : `customers repeated themselves in ${pct(m.customerRepeatRate)}`} />
        <Kpi id="first-response" label="First replies that address the issue" value={pct(m.firstResponseQuality.rate)} sub={m.firstResponseQuality.n ? `of ${count(m.firstResponseQuality.n, 'first reply', 'first replies')}` : noReplies} />
        <Kpi id="repeat-escalation" label={`Escalated again within ${m.repeatEscalation.windowHours} h`} value={pct(m.repeatEscalation.rate)} sub={m.handoffs ? `${count(m.repeatEscalation.n, 'handoff')}, ${count(m.repeatEscalation.customers, 'customer')}` : 'No handoffs yet'} />
        <Kpi
          id="wait-estimate"
          label="Wait estimates that held (±50%)"
          value={pct(m.waitEstimate.withinHalfRate)}
          sub={m.waitEstimate.n ? `off by ${Math.round((m.waitEstimate.meanAbsoluteErrorMinutes ?? 0) * 10) / 10} min on average` : 'No accepted handoffs with an estimate yet'}
        />
      </ul>
    </section>
  );
}
