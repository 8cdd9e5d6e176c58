import { redundancyText } from './redundancy';
import type { RedundantAsk } from './redundancy';

/** "The brief already has …: send anyway?", with Edit (selects the ask in the draft) and Send anyway. */
export function RedundancyWarning({ match, onEdit, onSendAnyway, disabled }: { match: RedundantAsk; onEdit(): void; onSendAnyway(): void; disabled: boolean }) {
  return (
    <div id="composer-warning" className="redundancy-warning" data-testid="redundancy-warning" data-field={match.field}>
      <span className="redundancy-icon" aria-hidden="true">
        !
      </span>
      <p className="redundancy-text">
        <strong>{redundancyText(match)}</strong> Send anyway?
        <span className="muted small block">You asked: “{match.phrase.trim()}”</span>
      </p>
      <div className="redundancy-actions">
        <button type="button" className="btn btn-small" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="btn btn-small btn-warn" disabled={disabled} onClick={onSendAnyway}>
          Send anyway
        </button>
      </div>
    </div>
  );
}
