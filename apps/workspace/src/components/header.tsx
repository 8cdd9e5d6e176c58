import { useState } from 'react';
import { errorText } from '@baton/client';
import { unlockAudio } from '../sound';
import type { TPresence as Presence } from '@baton/contracts';
import { useWorkspace } from '../workspace';
import { Brand } from './brand';
import { Link } from './link';

const STATUS_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' } as const;

export function Header({ path }: { path: string }) {
  const { me, streamStatus, muted, setMuted, setPresence, logout, waiting } = useWorkspace();
  const [presenceError, setPresenceError] = useState<string | null>(null);
  const nav = [
    { href: '/', label: 'Inbox', count: waiting.length, show: true, active: path === '/' || path.startsWith('/handoffs/') },
    { href: '/callbacks', label: 'Callbacks', show: true, active: path === '/callbacks' },
    { href: '/search', label: 'Search', show: true, active: path === '/search' },
    { href: '/dashboard', label: 'Dashboard', show: true, active: path === '/dashboard' },
    { href: '/supervisor', label: 'Supervisor', show: me.role !== 'agent', active: path === '/supervisor' },
    { href: '/admin', label: 'Settings', show: me.role === 'admin', active: path === '/admin' },
  ];
  return (
    <header className="topbar">
      <Brand />
      <nav aria-label="Main">
        <ul className="nav">
          {nav
            .filter((n) => n.show)
            .map((n) => (
              <li key={n.href}>
                <Link href={n.href} className={n.active ? 'nav-link active' : 'nav-link'} {...(n.active ? { 'aria-current': 'page' as const } : {})}>
                  {n.label}
                  {n.count !== undefined ? <span className="nav-count">{n.count}</span> : null}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <div className="topbar-right">
        <span className={`conn conn-${streamStatus}`} role="status" data-testid="connection">
          <span className="conn-dot" aria-hidden="true" />
          {STATUS_TEXT[streamStatus]}
        </span>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-pressed={muted}
          onClick={() => {
            unlockAudio();
            setMuted(!muted);
          }}
          title={muted ? 'Notification sounds are off' : 'Notification sounds are on'}
        >
          <BellIcon muted={muted} /> {muted ? 'Sound off' : 'Sound on'}
        </button>
        <span className="capacity" data-testid="capacity" title="Conversations you hold / your capacity">
          <span className="visually-hidden">Load </span>
          {me.load ?? 0}/{me.capacity}
          <span className="capacity-label" aria-hidden="true">
            {' '}
            load
          </span>
          <span className="visually-hidden"> of capacity</span>
        </span>
        <label className={`presence presence-${me.presence}`}>
          <span className="visually-hidden">Presence</span>
          <span className="presence-dot" aria-hidden="true" />
          <select
            value={me.presence}
            onChange={(e) => {
              setPresenceError(null);
              setPresence(e.target.value as Presence).catch((err: unknown) => setPresenceError(errorText(err)));
            }}
          >
            <option value="online">Online</option>
            <option value="away">Away</option>
            <option value="offline">Offline</option>
          </select>
        </label>
        {presenceError ? (
          <span className="field-error" role="alert">
            {presenceError}
          </span>
        ) : null}
        <span className="me" data-testid="agent-name">
          <span className="avatar" aria-hidden="true">
            {initials(me.name)}
          </span>
          <span className="me-text">
            <span className="me-name">{me.name}</span>
            <span className="me-role">{me.role}</span>
          </span>
        </span>
        <button type="button" className="btn btn-small" onClick={() => void logout()}>
          Log out
        </button>
      </div>
    </header>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      {muted ? <path d="M3 3l18 18" /> : null}
    </svg>
  );
}
