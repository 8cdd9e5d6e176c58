import { Link } from '../../components/link';

/** The conversation page while its handoff loads, or when it cannot be loaded. */
export function HandoffPending({ error }: { error: string | null }) {
  if (!error) {
    return (
      <div className="page">
        <p className="muted" role="status">
          Loading the brief…
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <p className="form-error" role="alert">
        {error}
      </p>
      <Link href="/">Back to the inbox</Link>
    </div>
  );
}
