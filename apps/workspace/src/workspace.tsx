import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { HttpClient, StreamClient, streamUrl } from '@baton/client';
import { API_BASE, loadMuted, saveMuted } from './session';
import type { Session } from './session';
import { beep } from './sound';
import type { StreamStatus } from '@baton/client';
import type { TAgent as Agent, TClientFrame, TEvent as StreamEvent, THandoff as Handoff, TPriority as Priority, TStreamSignal, TTeam as Team } from '@baton/contracts';
import { byQueueOrder } from './queue-order';
import { handoffLine } from './customer-label';
import { offerToast, untoldOffers } from './offers';

export interface Toast {
  id: string;
  priority: Priority;
  title: string;
  body: string;
  handoffId?: string;
  sticky: boolean;
}

interface WorkspaceState {
  api: HttpClient;
  me: Agent;
  waiting: Handoff[];
  mine: Handoff[];
  teams: Team[];
  agents: Agent[];
  streamStatus: StreamStatus;
  muted: boolean;
  toasts: Toast[];
  setMuted(m: boolean): void;
  setPresence(p: Agent['presence']): Promise<void>;
  refresh(): void;
  refreshDirectory(): Promise<void>;
  dismissToast(id: string): void;
  /** Listens to every stream event; returns the unsubscribe. */
  subscribe(l: (e: StreamEvent) => void): () => void;
  /** Listens to typing and read signals (never stored, never replayed); returns the unsubscribe. */
  subscribeSignals(l: (s: TStreamSignal) => void): () => void;
  /** Sends a frame on the stream when it is open (typing); false when it was dropped. */
  sendFrame(frame: TClientFrame): boolean;
  logout(): Promise<void>;
}

const Ctx = createContext<WorkspaceState | null>(null);

export function useWorkspace(): WorkspaceState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useWorkspace outside WorkspaceProvider');
  return v;
}

const TOAST_MS = 8000;

/**
 * The signed-in agent's live state: the queues, their own profile, the team directory and the
 * stream. Lists are re-read from the API after any handoff event (debounced), so the screen
 * always matches the server even when events arrive out of order or after a resume.
 */
export function WorkspaceProvider({ session, onSignedOut, children }: { session: Session; onSignedOut(): void; children: ReactNode }) {
  const api = useMemo(() => new HttpClient({ baseUrl: API_BASE, getToken: () => session.token, onUnauthorized: onSignedOut }), [session.token, onSignedOut]);
  const [me, setMe] = useState<Agent>(session.agent);
  const [waiting, setWaiting] = useState<Handoff[]>([]);
  const [mine, setMine] = useState<Handoff[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [agents, setAgents] = useState<Agent[]>([]);
  const [streamStatus, setStreamStatus] = useState<StreamStatus>('connecting');
  const [muted, setMutedState] = useState(loadMuted);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const listeners = useRef(new Set<(e: StreamEvent) => void>());
  const signalListeners = useRef(new Set<(s: TStreamSignal) => void>());
  const stream = useRef<StreamClient<StreamEvent> | null>(null);
  const mutedRef = useRef(muted);
  const meRef = useRef(me);
  meRef.current = me;
  mutedRef.current = muted;

  const dismissToast = useCallback((id: string) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);

  const pushToast = useCallback(
    (t: Toast) => {
      setToasts((ts) => [...ts.filter((x) => x.id !== t.id), t].slice(-5));
      if (!mutedRef.current) beep(t.priority);
      if (!t.sticky) setTimeout(() => dismissToast(t.id), TOAST_MS);
    },
    [dismissToast],
  );

  /** The offers this page has told the agent of (see `untoldOffers`). */
  const toldOffers = useRef(new Set<string>());
  const tellOffer = useCallback(
    (h: Parameters<typeof offerToast>[0]) => {
      toldOffers.current.add(h.id);
      pushToast(offerToast(h));
    },
    [pushToast],
  );

  const loadLists = useCallback(async () => {
    try {
      const [w, m, self] = await Promise.all([
        api.handoffs({ status: 'waiting' }),
        api.handoffs({ status: 'assigned', mine: true }),
        api.me(),
      ]);
      setWaiting(w.handoffs.slice().sort(byQueueOrder));
      setMine(m.handoffs.slice().sort(byQueueOrder));
      setMe(self.agent);
      // Offers made before this page's stream was subscribed came with no event: told from the list.
      for (const h of untoldOffers(w.handoffs, self.agent.id, toldOffers.current)) tellOffer(h);
    } catch {
      /* offline or signed out: the stream status says so, and the next event retries */
    }
  }, [api, tellOffer]);

  const refreshDirectory = useCallback(async () => {
    try {
      const [t, a] = await Promise.all([api.teams(), api.agents()]);
      setTeams(t.teams.slice().sort((x, y) => x.name.localeCompare(y.name)));
      setAgents(a.agents.slice().sort((x, y) => x.name.localeCompare(y.name)));
    } catch {
      /* retried on the next event */
    }
  }, [api]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void loadLists(), 120);
  }, [loadLists]);

  const dirTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshDirectorySoon = useCallback(() => {
    clearTimeout(dirTimer.current);
    dirTimer.current = setTimeout(() => void refreshDirectory(), 300);
  }, [refreshDirectory]);

  const onEvent = useCallback(
    (e: StreamEvent) => {
      const self = meRef.current;
      if (e.type === 'handoff.requested') {
        const h = e.payload.handoff;
        setWaiting((ws) => (ws.some((x) => x.id === h.id) ? ws : [...ws, h].sort(byQueueOrder)));
        const forMe = self.role !== 'agent' || self.teamIds.length === 0 || (h.teamId !== null && self.teamIds.includes(h.teamId));
        if (forMe) {
          pushToast({
            id: `req-${h.id}`,
            priority: h.priority,
            title: `New ${h.priority} handoff${h.team ? ` · ${h.team}` : ''}`,
            body: handoffLine(h),
            handoffId: h.id,
            sticky: h.priority === 'critical',
          });
        }
      } else if (e.type === 'handoff.offered' && e.agentId === self.id && e.handoffId) {
        tellOffer({ ...e.payload.handoff, id: e.handoffId });
      } else if (e.type === 'callback.due' && e.handoffId) {
        // The reminder: a booked callback or email reply is due now; it is also back in the queue.
        const p = e.payload;
        pushToast({ id: `cb-${p.callbackId}`, priority: 'high', title: p.kind === 'callback' ? 'Callback due now' : 'Email reply due now', body: p.contact ? `${p.kind === 'callback' ? 'Call' : 'Write to'} ${p.contact}` : 'Open the Callbacks list', handoffId: e.handoffId, sticky: true });
      } else if (e.type === 'handoff.sla_breached' && e.handoffId) {
        refresh();
      }
      if (e.type.startsWith('handoff.') || e.type === 'conversation.status_changed') refresh();
      if (e.type === 'agent.presence_changed' || e.type === 'agent.access_changed' || e.type.startsWith('handoff.')) refreshDirectorySoon();
      for (const l of listeners.current) l(e);
    },
    [pushToast, tellOffer, refresh, refreshDirectorySoon],
  );

  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  useEffect(() => {
    void loadLists();
    void refreshDirectory();
    const client = new StreamClient<StreamEvent>({ url: (after) => streamUrl(API_BASE, session.token, after) }, {
      onEvent: (e) => onEventRef.current(e),
      onSignal: (s) => {
        for (const l of signalListeners.current) l(s);
      },
      onReady: () => void loadLists(),
      onStatus: setStreamStatus,
      onUnauthorized: onSignedOut,
    });
    client.start();
    stream.current = client;
    return () => {
      stream.current = null;
      client.stop();
    };
  }, [session.token, loadLists, refreshDirectory, onSignedOut]);

  const setMuted = useCallback((m: boolean) => {
    saveMuted(m);
    setMutedState(m);
  }, []);

  const setPresence = useCallback(
    async (presence: Agent['presence']) => {
      const r = await api.setPresence({ presence });
      setMe((old) => ({ ...r.agent, load: old.load ?? 0 }));
    },
    [api],
  );

  const subscribe = useCallback((l: (e: StreamEvent) => void) => {
    listeners.current.add(l);
    return () => void listeners.current.delete(l);
  }, []);

  const subscribeSignals = useCallback((l: (s: TStreamSignal) => void) => {
    signalListeners.current.add(l);
    return () => void signalListeners.current.delete(l);
  }, []);

  const sendFrame = useCallback((frame: TClientFrame) => stream.current?.send(frame) ?? false, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      /* the token is dropped locally either way */
    }
    onSignedOut();
  }, [api, onSignedOut]);

  const value: WorkspaceState = { api, me, waiting, mine, teams, agents, streamStatus, muted, toasts, setMuted, setPresence, refresh, refreshDirectory, dismissToast, subscribe, subscribeSignals, sendFrame, logout };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
