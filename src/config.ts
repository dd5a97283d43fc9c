import { isIP } from "node:net";
import { z } from "zod";

/** Env flags accept the usual spellings; anything else is a configuration error. */
const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/** Shortest admin token accepted: long enough that guessing it over HTTP is hopeless. */
export const MIN_ADMIN_TOKEN_CHARS = 24;

/** Express's names for address ranges, usable in TRUST_PROXY lists. */
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrSubnet(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, bits, extra] = entry.split("/");
  if (extra !== undefined || !address) return false;
  const version = isIP(address);
  if (!version) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * Which reverse proxies may name the client in X-Forwarded-For (express's
 * `trust proxy`): off (default: the socket address is the client), a hop
 * count, or a list of proxy addresses/CIDRs. `true` (trust anyone) is
 * refused: every client could then pick its own rate-limit bucket.
 */
export type TrustProxy = false | number | string[];
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): TrustProxy => {
    const value = (v ?? "").trim().toLowerCase();
    if (["", "0", "false", "off", "no"].includes(value)) return false;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    if (["true", "on", "yes", "all"].includes(value)) {
      ctx.addIssue({ code: "custom", message: "trusting every proxy lets any client choose its address; give a hop count (e.g. 1) or the proxies' addresses" });
      return z.NEVER;
    }
    const entries = value.split(",").map((e) => e.trim()).filter(Boolean);
    const bad = entries.find((e) => !isAddressOrSubnet(e));
    if (bad !== undefined || !entries.length) {
      ctx.addIssue({ code: "custom", message: `expected off, a hop count, or a comma-separated list of IP addresses/CIDRs (not "${bad ?? value}")` });
      return z.NEVER;
    }
    return entries;
  });

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default("127.0.0.1"),
  KNOWLEDGE_DIR: z.string().min(1).default("knowledge"),
  INDEX_DIR: z.string().min(1).default(".functiewijzer/index"),
  DATA_DIR: z.string().min(1).default(".functiewijzer/data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Off by default: message bodies are personal data. */
  LOG_MESSAGE_BODIES: flag.default(false),
  MAX_QUESTION_CHARS: z.coerce.number().int().min(10).max(100_000).default(2000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  ADMIN_TOKEN: optionalString.pipe(z.string().min(MIN_ADMIN_TOKEN_CHARS, `must be at least ${MIN_ADMIN_TOKEN_CHARS} characters`).optional()),
  TRUST_PROXY: trustProxy,

  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("MultiTenant"),
  MICROSOFT_APP_CERT_THUMBPRINT: optionalString,
  MICROSOFT_APP_CERT_KEY_FILE: optionalString,

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  OPENAI_EMBEDDINGS_MODEL: z.string().min(1).default("text-embedding-3-small"),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** auto: OpenAI embeddings when a key or base URL is set, local hashed embeddings otherwise. */
  EMBEDDINGS: z.enum(["auto", "local", "openai"]).default("auto"),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; a wrong value is a one-line error naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((key) => [key, env[key] === "" ? undefined : env[key]]),
  );
  const parsed = ConfigSchema.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

/** True when an OpenAI-compatible chat model is configured (LLM mode). */
export function llmConfigured(config: Config): boolean {
  return Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
}

export function useOpenAiEmbeddings(config: Config): boolean {
  if (config.EMBEDDINGS === "openai") return true;
  if (config.EMBEDDINGS === "local") return false;
  return llmConfigured(config);
}
