import { MemoryStore, type ClientRateLimitInfo, type IncrementResponse, type Options, type Store } from "express-rate-limit";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import type { SharedRedis } from "./sharedRedis.js";

/**
 * express-rate-limit's store for several replicas: the hit counts live in
 * Redis (rate-limit-redis's atomic script), so the limit is per client across
 * all replicas. While Redis is away each process counts on its own
 * (express-rate-limit's MemoryStore) rather than failing or letting
 * everything through; once Redis is back the shared count takes over again.
 */
export class FallbackRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private readonly local = new MemoryStore();
  private options?: Options;
  /** The shared store's scripts are loaded; undefined until Redis first answers (or after it lost them). */
  private sharedReady?: Promise<RedisStore>;

  constructor(private readonly redis: SharedRedis) {
    this.prefix = redis.key("ratelimit", "");
  }

  init(options: Options): void {
    this.options = options;
    this.local.init(options);
  }

  async increment(key: string): Promise<IncrementResponse> {
    return this.either(
      (store) => store.increment(key),
      () => this.local.increment(key),
    );
  }

  async decrement(key: string): Promise<void> {
    await this.either(
      (store) => store.decrement(key),
      () => this.local.decrement(key),
    );
  }

  async resetKey(key: string): Promise<void> {
    await this.either(
      (store) => store.resetKey(key),
      () => this.local.resetKey(key),
    );
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.either(
      (store) => store.get(key),
      () => this.local.get(key),
    );
  }

  shutdown(): void {
    this.local.shutdown();
  }

  private async either<T>(shared: (store: RedisStore) => Promise<T>, local: () => Promise<T> | T): Promise<T> {
    if (!this.redis.available || !this.options) return local();
    try {
      return await shared(await this.ready());
    } catch {
      // SharedRedis logs Redis going away once; a store whose scripts failed to load is rebuilt next time.
      this.sharedReady = undefined;
      return local();
    }
  }

  /**
   * rate-limit-redis loads its scripts once at init and never again unless
   * Redis says NOSCRIPT: a store initialised while Redis was away would stay
   * broken. So it is (re)initialised lazily, whenever Redis is reachable.
   */
  private ready(): Promise<RedisStore> {
    if (!this.sharedReady) {
      const store = new RedisStore({
        prefix: this.prefix,
        sendCommand: (command: string, ...args: string[]) => this.redis.run((client) => client.call(command, ...args) as Promise<RedisReply>),
      });
      this.sharedReady = store.init(this.options!).then(() => store);
    }
    return this.sharedReady;
  }
}
