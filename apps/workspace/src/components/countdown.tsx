import { formatCountdown, useNow } from '../hooks';

/** A live countdown to the SLA deadline; red (and labelled) once breached, amber inside 5 minutes. */
export function Countdown({ dueAt }: { dueAt: string }) {
  const now = useNow(1000);
  const left = new Date(dueAt).getTime() - now;
  const state = left < 0 ? 'breached' : left < 5 * 60_000 ? 'at-risk' : 'ok';
  return (
    <span className={`countdown countdown-${state}`} data-state={state} title={`SLA due ${new Date(dueAt).toLocaleTimeString()}`}>
      <span className="visually-hidden">{state === 'breached' ? 'SLA breached by ' : 'SLA due in '}</span>
      <time dateTime={dueAt} aria-hidden="true">
        {formatCountdown(left)}
      </time>
      <span className="visually-hidden">{formatCountdown(left).replace('−', '')}</span>
      {state === 'breached' ? <span className="countdown-flag">breached</span> : null}
    </span>
  );
}
