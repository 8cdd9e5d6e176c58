import { useEffect, useMemo, useState } from 'react';
import type { TCannedReply } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

/** What a canned reply's variables stand for in this conversation. */
export interface CannedVars {
  customerName?: string | undefined;
  caseNumber?: string | undefined;
  agentName: string;
}

const firstName = (name: string | undefined) => name?.trim().split(/\s+/)[0];

/** The reply's text with `{{customer.name}}`, `{{case}}` and `{{agent.name}}` filled in; an unknown variable stays as written. */
export function fillCanned(body: string, v: CannedVars): string {
  const values: Record<string, string> = { 'customer.name': firstName(v.customerName) ?? 'there', case: v.caseNumber ?? '', 'agent.name': firstName(v.agentName) ?? v.agentName };
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The "/shortcut" being typed just before the caret, if any: where it starts and what follows the slash. */
export function shortcutAt(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|\s)\/([\w-]*)$/.exec(text.slice(0, caret));
  return m ? { start: caret - m[2]!.length - 1, query: m[2]! } : null;
}

/** The canned replies the agent may use, loaded once per conversation page. */
export function useCannedReplies(): TCannedReply[] {
  const { api } = useWorkspace();
  const [replies, setReplies] = useState<TCannedReply[]>([]);
  useEffect(() => {
    let live = true;
    api
      .get<{ cannedReplies: TCannedReply[] }>('/canned-replies')
      .then((r) => live && setReplies(r.cannedReplies))
      .catch(() => {
        /* the composer works without them */
      });
    return () => {
      live = false;
    };
  }, [api]);
  return replies;
}

/** Replies whose shortcut starts with the query, then those whose title contains it; at most 8. */
export function useCannedMatches(replies: TCannedReply[], query: string | null): TCannedReply[] {
  return useMemo(() => {
    if (query === null) return [];
    const q = query.toLowerCase();
    const starts = replies.filter((r) => r.shortcut.toLowerCase().startsWith(q));
    const titled = replies.filter((r) => !starts.includes(r) && r.title.toLowerCase().includes(q));
    return [...starts, ...titled].slice(0, 8);
  }, [replies, query]);
}

export const CANNED_LIST_ID = 'canned-list';
export const cannedOptionId = (id: string) => `canned-${id}`;

/** The picker under the composer: a listbox the textarea drives with the arrow keys, Enter or Tab, and Escape. */
export function CannedPicker({ matches, active, onPick }: { matches: TCannedReply[]; active: number; onPick(r: TCannedReply): void }) {
  return (
    <ul id={CANNED_LIST_ID} role="listbox" aria-label="Canned replies" className="canned-list" data-testid="canned-picker">
      {matches.map((r, i) => (
        <li
          key={r.id}
          id={cannedOptionId(r.id)}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'canned-option active' : 'canned-option'}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(r);
          }}
        >
          <span className="canned-shortcut">/{r.shortcut}</span> <span className="canned-title">{r.title}</span>
          <span className="canned-body muted small">{r.body}</span>
        </li>
      ))}
    </ul>
  );
}
