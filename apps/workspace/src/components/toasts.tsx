import { navigate } from '../router';
import type { Toast } from '../workspace';
import { useWorkspace } from '../workspace';
import { PriorityBadge } from './priority-badge';

/** In-app notifications; critical ones stay until dismissed and are announced assertively. */
export function Toasts() {
  const { toasts, dismissToast } = useWorkspace();
  const card = (t: Toast) => <ToastCard key={t.id} toast={t} onDismiss={() => dismissToast(t.id)} />;
  return (
    <section className="toasts" aria-label="Notifications">
      <div aria-live="polite" role="status" className="toast-stack">
        {toasts.filter((t) => t.priority !== 'critical').map(card)}
      </div>
      <div aria-live="assertive" role="alert" className="toast-stack">
        {toasts.filter((t) => t.priority === 'critical').map(card)}
      </div>
    </section>
  );
}

function ToastCard({ toast: t, onDismiss }: { toast: Toast; onDismiss(): void }) {
  return (
    <div className={`toast toast-${t.priority}`} data-testid="toast">
      <div className="toast-head">
        <PriorityBadge priority={t.priority} />
        <strong>{t.title}</strong>
      </div>
      <p className="toast-body">{t.body}</p>
      <div className="toast-actions">
        {t.handoffId ? (
          <button
            type="button"
            className="btn btn-small btn-primary"
            onClick={() => {
              onDismiss();
              navigate(`/handoffs/${t.handoffId}`);
            }}
          >
            Open
          </button>
        ) : null}
        <button type="button" className="btn btn-small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
