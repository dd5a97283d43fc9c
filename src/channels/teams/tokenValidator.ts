import { decodeJwt, errors, importJWK, jwtVerify, type JWTPayload } from "jose";
import type { SigningKeys } from "./signingKeys.js";

/**
 * Issuers of Entra ID (Azure AD) tokens, v1 and v2, in every cloud. Azure Bot
 * Service may call a bot with such a token (first-party and agent scenarios),
 * but an Entra token carries no `serviceurl` claim, so the activity's
 * serviceUrl could not be tied to the caller, and any app in the tenant can
 * get a token for our app id. Decision: refused, with this reason logged; a
 * Teams bot registered as documented receives Bot Framework tokens only.
 */
const ENTRA_ISSUER =
  /^https:\/\/(sts\.windows\.net|sts\.chinacloudapi\.cn|login\.microsoftonline\.(com|us)|login\.partner\.microsoftonline\.cn|login\.chinacloudapi\.cn)\//;

/** Bot Framework allows five minutes of clock skew. */
const CLOCK_TOLERANCE_S = 300;
/** Real tokens are about 1.5 KB; anything far larger is not one. */
const MAX_TOKEN_CHARS = 16_384;

export type VerifiedToken = {
  claims: JWTPayload & { serviceurl?: unknown };
  /** Channels that endorse the signing key (Bot Framework keys list e.g. "msteams"); undefined when the key lists none. */
  endorsements?: string[];
};

/** Why a request was refused; `reason` is safe to log (never the token). */
export class TokenRejected extends Error {
  override name = "TokenRejected";
  constructor(readonly reason: string) {
    super(reason);
  }
}

export type TokenValidatorOptions = { appId: string; issuer: string; keys: SigningKeys };

/**
 * Checks the Bearer token Azure Bot Service sends with every activity: RS256
 * signature by a key from the issuer's OpenID metadata, issuer, audience (our
 * app id), expiry and not-before. Every failure is a TokenRejected: the caller
 * answers 401 and nothing else happens.
 */
export class TokenValidator {
  constructor(private readonly options: TokenValidatorOptions) {}

  /** The token from an Authorization header value, or a TokenRejected. */
  static bearer(header: unknown): string {
    if (typeof header !== "string" || !header) throw new TokenRejected("missing Authorization header");
    if (header.length > MAX_TOKEN_CHARS + 7) throw new TokenRejected("Authorization header too long");
    const space = header.indexOf(" ");
    const scheme = space > 0 ? header.slice(0, space) : header;
    const token = space > 0 ? header.slice(space + 1).trim() : "";
    if (scheme !== "Bearer" || !token || token.includes(" ")) throw new TokenRejected("Authorization header is not 'Bearer <token>'");
    return token;
  }

  async verify(token: string): Promise<VerifiedToken> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new TokenRejected("not a JWT");
    }
    if (typeof issuer === "string" && ENTRA_ISSUER.test(issuer) && issuer !== this.options.issuer)
      throw new TokenRejected("Entra-issued token refused: this door accepts only Bot Framework channel tokens (README, Teams: Entra-issued tokens)");
    let endorsements: string[] | undefined;
    try {
      const { payload } = await jwtVerify(
        token,
        async (header) => {
          if (header.alg !== "RS256") throw new TokenRejected(`algorithm ${String(header.alg)} not accepted`);
          if (!header.kid) throw new TokenRejected("token names no signing key");
          const key = await this.options.keys.find(header.kid);
          if (!key) throw new TokenRejected("signing key not published by the issuer");
          endorsements = key.endorsements;
          return importJWK({ kty: key.kty, n: key.n, e: key.e }, "RS256");
        },
        { algorithms: ["RS256"], issuer: this.options.issuer, audience: this.options.appId, clockTolerance: CLOCK_TOLERANCE_S, requiredClaims: ["exp"] },
      );
      return { claims: payload, endorsements };
    } catch (error) {
      if (error instanceof TokenRejected) throw error;
      if (error instanceof errors.JOSEError) throw new TokenRejected(`${error.code}: ${error.message}`.slice(0, 200));
      // Key server unreachable or answering nonsense: still the caller's 401, logged with the cause.
      throw new TokenRejected(`could not check the token: ${(error as Error).message}`.slice(0, 200));
    }
  }
}
