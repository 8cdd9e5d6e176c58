import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/**
 * Links written as `/#/handoffs/ID` (in Slack and email notifications, and by older versions)
 * name the page in the hash; the workspace routes on the path, so the hash becomes the path.
 */
function adoptHashRoute(): boolean {
  const m = /^#(\/[^#]*)$/.exec(location.hash);
  if (!m) return false;
  history.replaceState(null, '', m[1]!);
  return true;
}
adoptHashRoute();
window.addEventListener('popstate', notify);
window.addEventListener('hashchange', () => {
  if (adoptHashRoute()) notify();
});

/** Client-side navigation (the server answers every page path with index.html). */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  notify();
}

export function usePath(): string {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => location.pathname,
  );
}
