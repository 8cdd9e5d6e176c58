import type { TAgent as Agent } from '@baton/contracts';

/** The API's root on the workspace's own origin. */
export const API_BASE = '/api/v1';

const KEY = 'baton.session';

export interface Session {
  token: string;
  agent: Agent;
}

/** The session lives in sessionStorage: it ends with the tab, and each tab can be someone else. */
export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

const MUTE_KEY = 'baton.muted';
export const loadMuted = () => localStorage.getItem(MUTE_KEY) === '1';
export const saveMuted = (m: boolean) => localStorage.setItem(MUTE_KEY, m ? '1' : '0');
