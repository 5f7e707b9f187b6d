// Low-level JSON client for the MyoTrace API: same-origin cookies, CSRF header on state-changing requests,
// typed errors ({error:{code,message,field}} from the server), and a distinct error for "no connection".

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never reached the server (offline, DNS, refused). Callers queue and retry. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

let csrfToken: string | null = null;
const CSRF_HEADER = 'x-csrf-token';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
let fetchImpl: FetchLike = (input, init) => fetch(input, init);
/** Tests inject a fetch. */
export function setFetch(f: FetchLike): void {
  fetchImpl = f;
}

export function getCsrfToken(): string | null {
  return csrfToken ?? readCsrfCookie();
}

function readCsrfCookie(): string | null {
  if (typeof document === 'undefined') return null;
  const m = /(?:^|;\s*)mt_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : null;
}

/** The token comes with login/register/me; after a reload the readable mt_csrf cookie or /auth/me gives it back. */
async function ensureCsrf(): Promise<void> {
  if (csrfToken) return;
  csrfToken = readCsrfCookie();
  if (csrfToken) return;
  const res = await fetchImpl(`${API_BASE}/auth/me`, { credentials: 'same-origin' }).catch((e: unknown) => {
    throw new NetworkError(String(e));
  });
  if (res.ok) {
    const body = (await res.json().catch(() => ({}))) as { csrfToken?: string };
    csrfToken = body.csrfToken ?? null;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  raw?: boolean; // return the Response (downloads)
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const qs = query
    ? Object.entries(query)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
        .join('&')
    : '';
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData || opts.body instanceof Blob) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const stateChanging = method !== 'GET';
  if (stateChanging) {
    await ensureCsrf();
    if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  }
  const url = buildUrl(path, opts.query);
  const send = () =>
    fetchImpl(url, { method, headers, body, credentials: 'same-origin', signal: opts.signal }).catch((e: unknown) => {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new NetworkError(String(e));
    });
  let res = await send();
  // A stale CSRF token (new session) is refreshed once.
  if (res.status === 403 && stateChanging) {
    const peek = (await res.clone().json().catch(() => null)) as { error?: { code?: string } } | null;
    if (peek?.error?.code && /CSRF/i.test(peek.error.code)) {
      csrfToken = null;
      await ensureCsrf();
      if (csrfToken) headers[CSRF_HEADER] = csrfToken;
      res = await send();
    }
  }
  const fresh = res.headers.get(CSRF_HEADER);
  if (fresh) csrfToken = fresh;
  if (!res.ok) {
    const err = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
    throw new ApiError(
      res.status,
      err?.error?.code ?? `HTTP_${res.status}`,
      err?.error?.message ?? res.statusText ?? 'Request failed',
      err?.error?.field,
    );
  }
  if (opts.raw) return res as unknown as T;
  if (res.status === 204) return undefined as T;
  const ct = res.headers.get('content-type') ?? '';
  return (ct.includes('json') ? await res.json() : await res.text()) as T;
}
