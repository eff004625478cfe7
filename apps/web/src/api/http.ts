import type { z } from 'zod';
import type { RouteDef } from '@bm/contract';
import { acceptLanguage } from '../i18n/i18n';
import { ApiError, type ApiErrorDetail } from './api-error';

type Query = Record<string, string | number | boolean | undefined | null>;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
};

/** Listeners told about 401s so the app can send the user to the login page. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function parseError(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = res.statusText || `Request failed (${res.status}).`;
  let details: ApiErrorDetail[] | undefined;
  let info: Record<string, unknown> | undefined;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body?.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      if (Array.isArray(body.error.details)) details = body.error.details as ApiErrorDetail[];
      else if (body.error.details && typeof body.error.details === 'object') info = body.error.details as Record<string, unknown>;
    }
  } catch {
    // Not JSON (a proxy page, an empty body): keep the status text.
  }
  return new ApiError(res.status, code, message, details, info);
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  // A bodiless write still proves it comes from our own page (a cross-site page cannot set a
  // custom header without a CORS preflight): the API's same-origin guard needs this when an old
  // browser sends neither Origin nor Sec-Fetch-Site.
  else if (method !== 'GET') headers['x-csrf-token'] = '1';
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'include',
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', 'Cannot reach the Bot Manager server. Is it running?');
  }
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401 && !path.startsWith('/api/auth/')) unauthorizedListeners.forEach((l) => l());
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

type Part<D, K extends 'params' | 'querystring' | 'body'> = D extends { [P in K]: z.ZodType } ? z.input<D[K]> : never;
type SuccessStatus = 200 | 201 | 202;

/** What a contract route answers on success: the output type of its 2xx schema (204: nothing). */
export type ResponseOf<D extends RouteDef> = {
  [S in keyof D['response']]: S extends SuccessStatus ? z.output<D['response'][S]> : S extends 204 ? void : never;
}[keyof D['response']];

/** What a call of a contract route takes: its path params, query and body, typed by the contract. */
export type ArgsOf<D extends RouteDef> = ([Part<D, 'params'>] extends [never] ? { params?: never } : { params: Part<D, 'params'> }) &
  ([Part<D, 'querystring'>] extends [never] ? { query?: never } : { query?: Part<D, 'querystring'> }) &
  ([Part<D, 'body'>] extends [never] ? { body?: never } : { body?: Part<D, 'body'> }) & { signal?: AbortSignal };

/** `/api/bots/:id` with `{ id: 'b 1' }` → `/api/bots/b%201`. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}.`);
    return encodeURIComponent(String(value));
  });
}

/**
 * Calls a route of the API contract: method and path come from the contract, and so do the types
 * of what goes in and what comes back. Errors are ApiError as with `request`.
 */
export function call<D extends RouteDef>(route: D, args: ArgsOf<D> = {} as ArgsOf<D>): Promise<ResponseOf<D>> {
  const { params, query, body, signal } = args as {
    params?: Record<string, string | number>;
    query?: Query;
    body?: unknown;
    signal?: AbortSignal;
  };
  return request<ResponseOf<D>>(fillPath(route.path, params), { method: route.method, query, body, signal });
}
