import { count } from '../../format';
import { formatDate, formatTime } from '../../hooks';
import type { PolicyPreview } from '../../metrics-types';
import { PreviewFigures } from './preview-figures';
import { PreviewFlips } from './preview-flips';
import { PreviewQueues } from './preview-queues';

/**
 * "Preview this change": what the backtest says the edited policy would do to the handoff rate,
 * to each queue's load and SLA risk, and which conversations would go the other way.
 */
export function PolicyPreviewPanel({ preview: p, at, stale }: { preview: PolicyPreview; at: string; stale: boolean }) {
  return (
    <section className="preview" aria-labelledby="preview-h" data-testid="policy-preview">
      <div className="panel-head">
        <h3 id="preview-h" className="subhead preview-title">
          Preview of this change
        </h3>
        <span className="muted small" data-testid="preview-sample">
          Replayed {count(p.sampled, 'conversation')} from {formatDate(p.period.from)} to {formatDate(p.period.to)} · previewed {formatTime(at)}
        </span>
      </div>
      {stale ? (
        <p className="notice notice-warn" role="status">
          The form has changed since this preview. Preview again to see the figures for your latest edits.
        </p>
      ) : null}
      {p.sampled === 0 ? (
        <p className="empty">No conversations in the period to replay. Once customers have written in, the preview shows how the handoff rate, each queue’s load and the SLA risk would change.</p>
      ) : (
        <>
          <PreviewFigures p={p} />
          <h4 className="subhead">Load and SLA risk per queue</h4>
          <PreviewQueues p={p} />
          <p className="chart-key muted small" aria-hidden="true">
            <span className="pair-bar pair-now key-swatch" /> now <span className="pair-bar pair-next key-swatch" /> proposed
          </p>
          <h4 className="subhead">
            Conversations that would change <span className="count">{p.flips.length}</span>
          </h4>
          <PreviewFlips p={p} />
        </>
      )}
    </section>
  );
}
