import type { Skill } from './skill.js';

/** An agent as routing sees them at one instant. */
export interface AgentState {
  id: string;
  name: string;
  /** Teams whose queues the agent works. */
  teamIds: string[];
  skills: Skill[];
  /** Concurrent conversations the agent accepts. */
  capacity: number;
  /** Open assigned conversations now. */
  load: number;
  /** Set by the agent; only `online` receives new work. */
  presence: 'online' | 'away' | 'offline';
  /** When the agent was last given a conversation (epoch ms); spreads work among equals. */
  lastAssignedAt?: number;
}
