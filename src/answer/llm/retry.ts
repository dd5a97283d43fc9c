import { sleep } from "./deadline.js";

export type RetryOptions = {
  /** Extra attempts after the first. */
  retries: number;
  baseDelayMs: number;
  /** The longest Retry-After we wait for; a server asking for more gets no retry (we answer offline instead). */
  maxRetryAfterMs: number;
  /** Randomise backoff (0.5–1×) so many clients do not retry in step. */
  jitter: boolean;
};

export const DEFAULT_RETRY: RetryOptions = { retries: 2, baseDelayMs: 200, maxRetryAfterMs: 2_000, jitter: true };

/** The HTTP status on an OpenAI/LangChain error, if it came from a response. */
export function httpStatus(error: unknown): number | undefined {
  if (!error || typeof error !== "object") return undefined;
  const status = (error as { status?: unknown }).status ?? (error as { response?: { status?: unknown } }).response?.status;
  return typeof status === "number" ? status : undefined;
}

/** Retry-After (seconds or an HTTP date) in ms; also the ms variant some servers send. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { headers?: unknown } | undefined)?.headers;
  const get = (name: string): string | undefined => {
    if (!headers || typeof headers !== "object") return undefined;
    if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === "string" ? value : undefined;
  };
  const ms = Number(get("retry-after-ms"));
  if (Number.isFinite(ms) && ms >= 0 && get("retry-after-ms") !== undefined) return ms;
  const raw = get("retry-after");
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Worth another try: rate limited, a server error, or the connection failed before any response. */
export function isTransient(error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== undefined) return status === 429 || status >= 500;
  const name = (error as { constructor?: { name?: string } } | undefined)?.constructor?.name;
  return name === "APIConnectionError";
}

export type Attempt = { attempt: number; willRetry: boolean; delayMs?: number; status?: number };

/**
 * Calls `fn` until it succeeds, fails for good, or the retries are spent;
 * backs off exponentially and honours Retry-After. `canRetry` lets the
 * caller veto (e.g. once streamed text reached the user). Backoff sleeps
 * end when the signal aborts.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions,
  signal: AbortSignal,
  hooks: { canRetry?: () => boolean; onFailure?: (error: unknown, info: Attempt) => void } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      const status = httpStatus(error);
      const backoff = options.baseDelayMs * 2 ** attempt * (options.jitter ? 0.5 + Math.random() / 2 : 1);
      const asked = retryAfterMs(error);
      const delayMs = Math.round(Math.max(backoff, asked ?? 0));
      const willRetry =
        attempt < options.retries &&
        !signal.aborted &&
        isTransient(error) &&
        (asked === undefined || asked <= options.maxRetryAfterMs) &&
        (hooks.canRetry?.() ?? true);
      hooks.onFailure?.(error, { attempt, willRetry, status, ...(willRetry ? { delayMs } : {}) });
      if (!willRetry) throw error;
      await sleep(delayMs, signal);
    }
  }
}
