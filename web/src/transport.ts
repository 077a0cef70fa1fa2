// How one call reaches the server: JSON in and out, the CSRF header and an Idempotency-Key
// on writes, and a retry of a write that may not have arrived. Failures are thrown as
// ApiError {code, message}; a 401 also notifies the app so it can show the log-in screen.

import type { components } from './generated/openapi';
import { csrfToken } from './session';

/**
 * Codes the client makes up itself, never sent by the server: no answer at all, or an
 * answer without the error body (`http_<status>`). Everything else is the server's
 * ErrorCode enum (scripts/check-error-codes.mjs keeps these lists apart).
 */
export type ClientErrorCode = 'network';
export type ApiErrorCode = components['schemas']['ErrorCode'] | ClientErrorCode | `http_${number}`;

export interface ApiErrorShape {
  code: ApiErrorCode;
  message: string;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ApiErrorCode;
  readonly status: number;
  constructor(status: number, code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  keepalive?: boolean;
  // Login answers 401 for a wrong password; that must not bounce to the log-in screen.
  quiet401?: boolean;
  // A pause must land at once: its retries do not back off (the server treats a repeated
  // pause as one anyway).
  urgent?: boolean;
}

// Pauses between the attempts of one write. The server answers a copy of a keyed write
// that is still running with 503 and Retry-After: 1, so an ordinary write waits that long
// (at most RETRY_AFTER_CAP_MS); a pause never waits more than its own short steps.
export const RETRY_DELAYS_MS = [250, 500, 1000];
export const URGENT_RETRY_DELAYS_MS = [50, 100, 200, 250, 250];
export const RETRY_AFTER_CAP_MS = 2000;

let onUnauthorized: () => void = () => {};

/** The app registers what happens when the server says the session is gone. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/**
 * A fresh key for one write. crypto.randomUUID exists only in secure contexts; a server
 * reached over plain HTTP on a home network still gets a random key of the same form.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One call. A write carries one Idempotency-Key for all its attempts, so the server runs
 * it once however often it is sent: it is sent again, unchanged, when no answer came back
 * (the write may or may not have arrived) or the server answered 503 (busy, or still
 * running the first copy).
 */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const write = method !== 'GET';
  if (write) {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
    headers['Idempotency-Key'] = newIdempotencyKey();
  }
  // Serialised once: the server compares a retry's body byte for byte.
  const init: RequestInit = {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    keepalive: options.keepalive,
  };
  const delays = !write ? [] : options.urgent ? URGENT_RETRY_DELAYS_MS : RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= delays.length;
    let response: Response;
    try {
      response = await fetch(path, init);
    } catch {
      if (last) throw new ApiError(0, 'network', 'The server could not be reached.');
      await sleep(delays[attempt]);
      continue;
    }
    if (response.status === 503 && !last) {
      await sleep(options.urgent ? delays[attempt] : retryDelay(response, delays[attempt]));
      continue;
    }
    return answer<T>(response, options);
  }
}

/**
 * One GET of a file the server makes (a PDF): its bytes, or the same ApiError as any call.
 * Never retried: a 503 here is an answer (nothing to print with, or busy printing) to show.
 */
export async function requestFile(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  await throwUnlessOk(response);
  return response.blob();
}

// A 401 ends the session on this device (unless the caller expects one); any other failure
// throws the server's error.
async function throwUnlessOk(response: Response, quiet401 = false): Promise<void> {
  if (response.status === 401 && !quiet401) onUnauthorized();
  if (!response.ok) throw await errorFrom(response);
}

async function answer<T>(response: Response, options: RequestOptions): Promise<T> {
  await throwUnlessOk(response, options.quiet401);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function retryDelay(response: Response, backoff: number): number {
  const seconds = Number(response.headers.get('Retry-After'));
  if (!Number.isFinite(seconds) || seconds <= 0) return backoff;
  return Math.min(Math.max(backoff, seconds * 1000), RETRY_AFTER_CAP_MS);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function errorFrom(response: Response): Promise<ApiError> {
  let code: ApiErrorCode = `http_${response.status}`;
  let message = '';
  try {
    // The server's error body (the Error schema); a proxy in between may answer otherwise.
    const parsed = (await response.json()) as Partial<components['schemas']['Error']>;
    if (parsed?.error?.code) code = parsed.error.code;
    if (parsed?.error?.message) message = parsed.error.message;
  } catch {
    /* not JSON: keep the status-derived code */
  }
  return new ApiError(response.status, code, message);
}
