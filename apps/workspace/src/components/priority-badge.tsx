import type { TPriority as Priority } from '@baton/contracts';

/** The priority as a colour and a word, so colour is never the only signal. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span className={`badge prio prio-${priority}`} data-priority={priority}>
      {priority}
    </span>
  );
}
