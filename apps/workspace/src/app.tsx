import { useCallback, useEffect, useState } from 'react';
import { Header } from './components/header';
import { Toasts } from './components/toasts';
import { AdminPage } from './pages/admin/admin-page';
import { CallbacksPage } from './pages/callbacks/callbacks-page';
import { ConversationPage } from './pages/conversation/conversation-page';
import { DashboardPage } from './pages/dashboard/dashboard-page';
import { InboxPage } from './pages/inbox-page';
import { LoginPage } from './pages/login-page';
import { SearchPage } from './pages/search/search-page';
import { SupervisorPage } from './pages/supervisor/supervisor-page';
import { navigate, usePath } from './router';
import type { Session } from './session';
import { loadSession, saveSession } from './session';
import { WorkspaceProvider, useWorkspace } from './workspace';

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const path = usePath();

  const signIn = useCallback((s: Session) => {
    saveSession(s);
    setSession(s);
    const next = new URLSearchParams(location.search).get('next');
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  }, []);

  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);

  useEffect(() => {
    if (!session && path !== '/login') navigate(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`, { replace: true });
  }, [session, path]);

  if (!session) return <LoginPage onSignedIn={signIn} />;
  return (
    <WorkspaceProvider key={session.token} session={session} onSignedOut={signOut}>
      <Shell path={path} />
    </WorkspaceProvider>
  );
}

function Shell({ path }: { path: string }) {
  const { me } = useWorkspace();
  let page;
  let title;
  const conv = /^\/handoffs\/([^/]+)$/.exec(path);
  if (conv) {
    page = <ConversationPage key={conv[1]} handoffId={decodeURIComponent(conv[1]!)} />;
    title = 'Conversation';
  } else if (path === '/supervisor' && me.role !== 'agent') {
    page = <SupervisorPage />;
    title = 'Supervisor';
  } else if (path === '/callbacks') {
    page = <CallbacksPage />;
    title = 'Callbacks';
  } else if (path === '/search') {
    page = <SearchPage />;
    title = 'Search';
  } else if (path === '/dashboard') {
    page = <DashboardPage />;
    title = 'Dashboard';
  } else if (path === '/admin' && me.role === 'admin') {
    page = <AdminPage />;
    title = 'Settings';
  } else {
    page = <InboxPage />;
    title = 'Inbox';
  }
  useEffect(() => {
    document.title = `${title} · Baton`;
  }, [title]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header path={path} />
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      <Toasts />
    </>
  );
}
