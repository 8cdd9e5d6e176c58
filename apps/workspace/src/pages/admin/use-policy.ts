import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@baton/client';
import { useWorkspace } from '../../workspace';
import { draftOf } from './policy-draft';
import type { PolicyDraft, PolicyResponse, PolicyVersion } from './policy-draft';

/** The stored policy, its version history (kept fresh from the stream) and the form's draft of it. */
export function usePolicy() {
  const { api, subscribe } = useWorkspace();
  const [loaded, setLoaded] = useState<PolicyResponse | null>(null);
  const [versions, setVersions] = useState<PolicyVersion[]>([]);
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const loadVersions = useCallback(() => api.get<{ versions: PolicyVersion[] }>('/policy/versions').then((r) => setVersions(r.versions)), [api]);

  const load = useCallback(async () => {
    const r = await api.get<PolicyResponse>('/policy');
    setLoaded(r);
    setDraft(draftOf(r));
    await loadVersions().catch(() => setVersions([]));
  }, [api, loadVersions]);

  useEffect(() => {
    load().catch((err: unknown) => setLoadError(errorText(err)));
    return subscribe((e) => {
      if (e.type === 'policy.updated') void loadVersions().catch(() => {});
    });
  }, [load, subscribe, loadVersions]);

  const edit = (patch: Partial<PolicyDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  return { loaded, versions, draft, edit, load, loadError };
}
