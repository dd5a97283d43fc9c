import { z } from "zod";
import { isLoopbackUrl } from "./loopback.js";

/** The part of an OpenID metadata document we use. */
const OpenIdMetadata = z.object({ jwks_uri: z.url().refine((url) => url.startsWith("https://") || isLoopbackUrl(url), "jwks_uri must be https") });

/** One public key of the JWKS; Bot Framework keys also say which channels endorse them. */
const Jwk = z
  .object({
    kty: z.string(),
    kid: z.string().max(256).optional(),
    use: z.string().optional(),
    alg: z.string().optional(),
    n: z.string().optional(),
    e: z.string().optional(),
    endorsements: z.array(z.string()).optional(),
  })
  .loose();
const Jwks = z.object({ keys: z.array(Jwk).max(200) });
export type SigningKey = z.infer<typeof Jwk>;

const FAILURE_COOLDOWN_MS = 30_000;

export type SigningKeysOptions = {
  /** How long fetched keys are trusted before they are fetched again (Bot Framework rotates keys about daily). */
  maxAgeMs?: number;
  /** An unknown `kid` triggers a refetch at most this often, so forged tokens cannot make us hammer the key server. */
  refetchCooldownMs?: number;
  timeoutMs?: number;
};

/**
 * The signing keys of one token issuer, read from its OpenID metadata
 * document and cached. Responses are validated: they come from outside.
 */
export class SigningKeys {
  private keys: SigningKey[] = [];
  private fetchedAt = 0;
  private failedAt = 0;
  private inFlight: Promise<void> | undefined;
  private readonly maxAgeMs: number;
  private readonly refetchCooldownMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly metadataUrl: string,
    options: SigningKeysOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 12 * 3600_000;
    this.refetchCooldownMs = options.refetchCooldownMs ?? 5 * 60_000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** The key with this id, or undefined; fetches (again) when the cache is old or the id is new. */
  async find(kid: string): Promise<SigningKey | undefined> {
    const age = Date.now() - this.fetchedAt;
    const known = this.keys.find((key) => key.kid === kid);
    if (known && age < this.maxAgeMs) return known;
    if (!known && this.fetchedAt && age < this.refetchCooldownMs && age < this.maxAgeMs) return undefined;
    // After a failed fetch, wait before the next try: a flood of requests must not become a flood towards the key server.
    // A stale key that was published is better than none while the key server is unreachable.
    if (Date.now() - this.failedAt < FAILURE_COOLDOWN_MS) {
      if (known) return known;
      throw new Error("signing keys unavailable (fetch failed recently)");
    }
    this.inFlight ??= this.refresh()
      .catch((error: unknown) => {
        this.failedAt = Date.now();
        throw error;
      })
      .finally(() => (this.inFlight = undefined));
    try {
      await this.inFlight;
    } catch (error) {
      if (known) return known;
      throw error;
    }
    return this.keys.find((key) => key.kid === kid);
  }

  private async refresh(): Promise<void> {
    const metadata = OpenIdMetadata.parse(await this.getJson(this.metadataUrl));
    const jwks = Jwks.parse(await this.getJson(metadata.jwks_uri));
    this.keys = jwks.keys.filter((key) => key.kty === "RSA" && key.kid && (!key.use || key.use === "sig"));
    this.fetchedAt = Date.now();
  }

  private async getJson(url: string): Promise<unknown> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), redirect: "error" });
    if (!response.ok) throw new Error(`${new URL(url).host} answered ${response.status}`);
    return response.json();
  }
}
