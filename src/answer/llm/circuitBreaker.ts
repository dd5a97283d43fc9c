export type CircuitState = "closed" | "open" | "half-open";

export type CircuitOptions = {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long it stays open before one trial call is let through. */
  cooldownMs: number;
  now?: () => number;
};

export const DEFAULT_CIRCUIT: CircuitOptions = { failureThreshold: 3, cooldownMs: 30_000 };

/**
 * Stops calling a model that keeps failing, so each question gets the offline
 * answer at once instead of waiting out a timeout. After the cooldown one
 * trial call goes through (half-open); its success closes the circuit, its
 * failure opens it for another cooldown.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitOptions = DEFAULT_CIRCUIT) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === undefined) return "closed";
    return this.now() - this.openedAt >= this.options.cooldownMs ? "half-open" : "open";
  }

  /** Whether a call may go out now; in half-open only one trial at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  onSuccess(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  onFailure(): void {
    this.failures += 1;
    if (this.trialInFlight || this.failures >= this.options.failureThreshold) this.openedAt = this.now();
    this.trialInFlight = false;
  }

  /** A call that ended without telling us anything about the model (e.g. the user left). */
  release(): void {
    this.trialInFlight = false;
  }
}
