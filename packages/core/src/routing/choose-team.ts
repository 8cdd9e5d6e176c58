import type { HandoffNeed } from './handoff-need.js';
import { RoutingError } from './routing-error.js';
import { skillProficiency } from './skill.js';
import type { Team } from './team.js';

/** The team a handoff goes to, its score and a sentence for the audit trail. */
export interface TeamChoice {
  team: Team;
  /** Match weights (language 8, category 4, tier 2, channel 1) plus proficiency / 100. */
  score: number;
  /** Why this team, e.g. "language en (5), category billing (4)"; shown to supervisors. */
  why: string;
}

// Each weight beats all lighter ones together, so the order of importance is strict:
// a customer must be understood (language), then helped by specialists (category), then get
// their tier's service, then stay on their channel.
const LANGUAGE = 8;
const CATEGORY = 4;
const TIER = 2;
const CHANNEL = 1;

interface Scored {
  team: Team;
  index: number;
  match: number;
  proficiency: number;
  parts: string[];
}

function score(need: HandoffNeed, team: Team, index: number): Scored {
  const out: Scored = { team, index, match: 0, proficiency: 0, parts: [] };
  const add = (weight: number, proficiency: number, part: string): void => {
    out.match += weight;
    out.proficiency += proficiency;
    out.parts.push(part);
  };
  const language = skillProficiency(team.skills, 'language', need.language);
  if (language > 0) add(LANGUAGE, language, `language ${need.language} (${language})`);
  const category = skillProficiency(team.skills, 'category', need.category);
  if (category > 0) add(CATEGORY, category, `category ${need.category} (${category})`);
  const tier = need.tier?.toLowerCase();
  if (tier && team.tiers?.some((t) => t.toLowerCase() === tier)) add(TIER, 0, `tier ${need.tier}`);
  const channel = skillProficiency(team.skills, 'channel', need.channel);
  if (channel > 0) add(CHANNEL, channel, `channel ${need.channel} (${channel})`);
  return out;
}

// Best match; among equal matches the default team (so "nothing specific" lands there, not on a
// specialist who happens to speak the language better), then proficiency, then the admin's order.
function better(a: Scored, b: Scored): boolean {
  if (a.match !== b.match) return a.match > b.match;
  const ad = a.team.isDefault ? 1 : 0;
  const bd = b.team.isDefault ? 1 : 0;
  if (ad !== bd) return ad > bd;
  if (a.proficiency !== b.proficiency) return a.proficiency > b.proficiency;
  return a.index < b.index;
}

function explain(s: Scored): string {
  if (s.parts.length === 0) return s.team.isDefault ? 'no team matched; default team' : 'no team matched and none is default; first team';
  return s.parts.join(', ') + (s.team.isDefault ? '; default team' : '');
}

/**
 * Picks the team for a handoff (DESIGN §5). Overflow is not applied here: it depends on how
 * long the handoff has waited, which is the queue's business (`overflowAt`). Throws
 * ROUTING_ERR_NO_TEAMS for an empty list, a setup error the caller must surface.
 */
export function chooseTeam(need: HandoffNeed, teams: readonly Team[]): TeamChoice {
  let best: Scored | undefined;
  for (const [i, team] of teams.entries()) {
    const s = score(need, team, i);
    if (!best || better(s, best)) best = s;
  }
  if (!best) throw new RoutingError('ROUTING_ERR_NO_TEAMS', 'no teams are configured');
  return { team: best.team, score: best.match + best.proficiency / 100, why: explain(best) };
}
