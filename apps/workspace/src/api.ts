/** The server's error body: `{error:{code,message,field}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A small HTTP client: JSON in, JSON out, the bearer token on every call, typed errors. */
export function createApi(getToken: () => string | null, onUnauthorized: () => void) {
  async function call<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`/api/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch {
      throw new ApiError(0, 'NETWORK_ERR', 'Could not reach the server. Check your connection.');
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!res.ok) {
      const err = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
      if (res.status === 401 && !path.startsWith('/auth/')) onUnauthorized();
      throw new ApiError(res.status, err?.code ?? 'HTTP_ERR', err?.message ?? `Request failed (${res.status})`, err?.field);
    }
    return data as T;
  }
  /** A non-JSON resource (a Markdown report), with the bearer token, as a Blob for a download. */
  async function blob(path: string): Promise<Blob> {
    const token = getToken();
    let res: Response;
    try {
      res = await fetch(`/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch {
      throw new ApiError(0, 'NETWORK_ERR', 'Could not reach the server. Check your connection.');
    }
    if (!res.ok) {
      if (res.status === 401) onUnauthorized();
      throw new ApiError(res.status, 'HTTP_ERR', `Download failed (${res.status})`);
    }
    return res.blob();
  }
  return {
    blob,
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
    del: <T = void>(path: string) => call<T>('DELETE', path),
  };
}

export type Api = ReturnType<typeof createApi>;

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
