/**
 * Retries for calls to the Bot Connector. Microsoft's rate-limit guidance for
 * Teams bots: back off exponentially with jitter on 429, and retry 412, 502
 * and 504 as well; its example allows 3 retries between 2 s and 20 s. A
 * Retry-After header, when sent, is honoured (never beyond the cap).
 */
export type SendRetryOptions = {
  /** Retries after the first attempt. */
  retries: number;
  /** First back-off; doubled per retry, ±20% jitter. */
  baseMs: number;
  /** No single wait is longer (a longer Retry-After gives up instead of stalling the turn). */
  maxMs: number;
};

export const DEFAULT_SEND_RETRY: SendRetryOptions = { retries: 3, baseMs: 2_000, maxMs: 20_000 };

const RETRIED_STATUSES = new Set([412, 429, 502, 504]);

/** The HTTP status of a failed connector call (the SDK's HttpError carries it), if any. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown; response?: { status?: unknown } })?.status ?? (error as { response?: { status?: unknown } })?.response?.status;
  if (typeof status === "number") return status;
  const match = /^Request failed with status (\d{3})/.exec(error instanceof Error ? error.message : "");
  return match ? Number(match[1]) : undefined;
}

/** Retry-After in milliseconds (seconds or an HTTP date), from the failed call's response headers. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: unknown } })?.response?.headers;
  const raw =
    headers instanceof Headers
      ? headers.get("retry-after")
      : typeof headers === "object" && headers !== null
        ? ((headers as Record<string, unknown>)["retry-after"] ?? (headers as Record<string, unknown>)["Retry-After"])
        : undefined;
  if (typeof raw !== "string" || !raw.trim()) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw.trim())) return Math.round(Number(raw.trim()) * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export const isRetryable = (error: unknown): boolean => RETRIED_STATUSES.has(statusOf(error) ?? 0);

/** How long to wait before retry `attempt` (1-based): Retry-After when given, else exponential back-off with jitter; undefined = give up. */
export function backoffMs(error: unknown, attempt: number, options: SendRetryOptions, random = Math.random): number | undefined {
  const after = retryAfterMs(error);
  if (after !== undefined) return after <= options.maxMs ? after : undefined;
  const exponential = options.baseMs * 2 ** (attempt - 1);
  return Math.min(options.maxMs, Math.round(exponential * (0.8 + 0.4 * random())));
}

/** Runs `call`, retrying the statuses Teams asks bots to retry; the last error is thrown. */
export async function withSendRetry<T>(call: () => Promise<T>, options: SendRetryOptions, onRetry?: (error: unknown, waitMs: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const wait = attempt <= options.retries && isRetryable(error) ? backoffMs(error, attempt, options) : undefined;
      if (wait === undefined) throw error;
      onRetry?.(error, wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
