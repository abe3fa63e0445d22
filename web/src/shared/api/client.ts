// The API client: JSON in and out, the server's localised error message surfaced as an
// ApiError, the CSRF token sent on every state-changing request.
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken = '';
let language = 'zh-CN';
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string) { csrfToken = token; }
export function setLanguage(lang: string) { language = lang; }
export function setUnauthorizedHandler(f: () => void) { onUnauthorized = f; }

export interface Page<T> { items: T[]; next_cursor: string | null }

export async function parseResponse<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: any = undefined;
  try { body = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
  if (!res.ok) {
    const err = body?.error;
    throw new ApiError(res.status, err?.code ?? 'http.' + res.status,
      err?.message ?? (language.startsWith('en') ? `Request failed (${res.status})` : `请求失败（${res.status}）`),
      err?.details);
  }
  return body as T;
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (res.status === 401 && !path.endsWith('/auth/login') && !path.endsWith('/me')) onUnauthorized();
  return parseResponse<T>(res);
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
