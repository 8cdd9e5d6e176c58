/**
 * Which of the three CSAT populations a rated conversation (alias `c`, its rating `s`) belongs to
 * (DESIGN §8: post-handoff CSAT kept apart from AI-only and human-only conversations):
 * - `humanOnly`: a person handled it from the start: no AI message at all and at least one
 *   visible agent message (e.g. an email answered only by agents);
 * - `afterHandoff`: otherwise, the conversation had a handoff (the rating names one, or a
 *   handoff row exists);
 * - `aiOnly`: otherwise: the AI resolved it with no handoff.
 */
export const CSAT_CLASS = `(case
  when not exists (select 1 from messages m where m.conversation_id = c.id and m.author_kind = 'ai')
   and exists (select 1 from messages m where m.conversation_id = c.id and m.author_kind = 'agent' and not m.private) then 'humanOnly'
  when s.handoff_id is not null or exists (select 1 from handoffs h where h.conversation_id = c.id) then 'afterHandoff'
  else 'aiOnly' end)`;
