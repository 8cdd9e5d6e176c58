import { count, pct, pts } from '../../format';
import type { PolicyPreview } from '../../metrics-types';
import { Becomes } from './becomes';

/** The headline figures of a policy preview: handoff rate, not answered, changes and SLA risk. */
export function PreviewFigures({ p }: { p: PolicyPreview }) {
  return (
    <ul className="plain preview-figures">
      <li className="kpi" data-testid="preview-rate">
        <span className="kpi-label">Handed to a person</span>
        <span className="kpi-value">
          <Becomes from={pct(p.current.rate)} to={pct(p.proposed.rate)} />
        </span>
        <span className={`delta ${p.delta.handoffRate > 0 ? 'delta-up' : p.delta.handoffRate < 0 ? 'delta-down' : ''}`} data-testid="preview-delta">
          {pts(p.delta.handoffRate)} · {p.current.handoffs} → {p.proposed.handoffs} of {p.total}
        </span>
      </li>
      <li className="kpi" data-testid="preview-not-answered">
        <span className="kpi-label">Not answered by the AI</span>
        <span className="kpi-value">
          <Becomes from={pct(p.current.notAnsweredRate)} to={pct(p.proposed.notAnsweredRate)} />
        </span>
        <span className="delta">{pts(p.delta.notAnsweredRate)} · clarify, decline, offer a choice or hand off</span>
      </li>
      <li className="kpi">
        <span className="kpi-label">Conversations that change</span>
        <span className="kpi-value">{p.flips.length}</span>
        <span className="delta">{p.requeued ? `${count(p.requeued, 'handoff')} to another queue` : 'no handoff changes queue'}</span>
      </li>
      {p.slaRisk ? (
        <li className="kpi" data-testid="preview-sla">
          <span className="kpi-label">Expected to wait past the SLA</span>
          <span className="kpi-value">
            <Becomes from={pct(p.slaRisk.current.shareOverSla)} to={pct(p.slaRisk.proposed.shareOverSla)} />
          </span>
          <span className="delta">
            {p.slaRisk.agents} agent slots, {Math.round(p.slaRisk.handleMinutes * 10) / 10} min per handoff
          </span>
        </li>
      ) : null}
    </ul>
  );
}
