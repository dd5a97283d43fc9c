import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { z } from "zod";
import { DocumentLimitsShape } from "./documentLimits.js";

/** Env flags accept the usual spellings; anything else is a configuration error. */
const flag = z.enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""]).transform((v) => ["1", "true", "yes", "on"].includes(v));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** Shortest admin token accepted: long enough that guessing it over HTTP is hopeless. */
export const MIN_ADMIN_TOKEN_CHARS = 24;

/** Guessing bits an admin token must have at least: length × log2(distinct characters). 24 × "a" has none. */
export const MIN_ADMIN_TOKEN_BITS = 96;

/** A rough upper bound on a token's entropy: enough to refuse "aaaa…", "abab…" or "123123…". */
export function tokenBits(token: string): number {
  const distinct = new Set(token).size;
  return distinct > 1 ? token.length * Math.log2(distinct) : 0;
}

/** Most proxy hops TRUST_PROXY may name: more means trusting addresses the client wrote itself. */
export const MAX_PROXY_HOPS = 5;

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
    if (/^\d{1,3}$/.test(value)) {
      if (Number(value) <= MAX_PROXY_HOPS) return Number(value);
      ctx.addIssue({
        code: "custom",
        message: `at most ${MAX_PROXY_HOPS} proxy hops (more would trust addresses a client wrote itself); or list the proxies' addresses`,
      });
      return z.NEVER;
    }
    if (["true", "on", "yes", "all"].includes(value)) {
      ctx.addIssue({ code: "custom", message: "trusting every proxy lets any client choose its address; give a hop count (e.g. 1) or the proxies' addresses" });
      return z.NEVER;
    }
    const entries = value
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    const bad = entries.find((e) => !isAddressOrSubnet(e));
    if (bad !== undefined || !entries.length) {
      ctx.addIssue({ code: "custom", message: `expected off, a hop count, or a comma-separated list of IP addresses/CIDRs (not "${bad ?? value}")` });
      return z.NEVER;
    }
    return entries;
  });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i;
const LOOPBACK_HOSTS = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** An endpoint we fetch keys or tokens from: https, or http on a loopback address (tests, local proxies). */
const endpoint = z.url({ error: "must be a URL" }).refine((value) => {
  if (!URL.canParse(value)) return true; // reported by z.url above
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.test(url.hostname));
}, "must be an https URL (http only on a loopback address)");

const ConfigShape = z.object({
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
  ADMIN_TOKEN: optionalString.pipe(
    z
      .string()
      .min(MIN_ADMIN_TOKEN_CHARS, `must be at least ${MIN_ADMIN_TOKEN_CHARS} characters`)
      .refine((token) => tokenBits(token) >= MIN_ADMIN_TOKEN_BITS, "is too easy to guess (too few different characters); use e.g. `openssl rand -hex 24`")
      .optional(),
  ),
  TRUST_PROXY: trustProxy,
  /** Off by default: refused questions can hold personal data. On: kept for the insights page. */
  RECORD_UNANSWERED: flag.default(false),
  UNANSWERED_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How long answer metadata (intent, answered, channel; no question text) is kept for feedback per intent. */
  INSIGHTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** How long feedback votes (with the question they rate) are kept, in the file and in Redis. */
  FEEDBACK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Votes per minute per client address on POST /api/feedback (anonymous writes). */
  FEEDBACK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Key for the signatures on answer ids; replicas that share it accept each other's ids for votes. Random per process when unset. */
  ANSWER_ID_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),

  /** Teams: the bot's Entra app id (a GUID). Without it the Teams door only runs in emulator mode on a loopback HOST. */
  MICROSOFT_APP_ID: optionalString.pipe(z.string().regex(GUID, "must be the bot's Entra app id, a GUID like 00000000-0000-0000-0000-000000000000").optional()),
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString.pipe(
    z.string().regex(TENANT, "must be the Entra tenant id (a GUID) or its domain, e.g. contoso.onmicrosoft.com").optional(),
  ),
  /** SingleTenant (with a tenant id) or UserAssignedMSI are what new Azure bot registrations allow. */
  MICROSOFT_APP_TYPE: z.enum(["SingleTenant", "UserAssignedMSI", "MultiTenant"]).default("SingleTenant"),
  MICROSOFT_APP_CERT_PEM_FILE: optionalString,
  MICROSOFT_APP_CERT_KEY_FILE: optionalString,
  /** Which Microsoft cloud the bot lives in; "custom" needs the four endpoints below. */
  MICROSOFT_CLOUD: z.enum(["public", "usgov", "china", "custom"]).default("public"),
  MICROSOFT_TOKEN_ISSUER: optionalString.pipe(endpoint.optional()),
  MICROSOFT_OPENID_METADATA_URL: optionalString.pipe(endpoint.optional()),
  MICROSOFT_OAUTH_ENDPOINT: optionalString.pipe(endpoint.optional()),
  MICROSOFT_CHANNEL_SERVICE: optionalString.pipe(endpoint.optional()),
  /** Microsoft Graph, where the Teams door checks the Entra group memberships access.yaml names (usgov: https://graph.microsoft.us). */
  GRAPH_API_URL: optionalString.pipe(endpoint.optional()),
  /** How long a looked-up group membership (Entra groups, Slack user groups) is trusted before it is asked again. */
  GROUP_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** e.g. "Intern": shown by Teams as the sensitivity label of every answer. */
  TEAMS_SENSITIVITY_LABEL: optionalString.pipe(z.string().max(64).optional()),
  TEAMS_SENSITIVITY_DESCRIPTION: optionalString.pipe(z.string().max(256).optional()),
  /** Used by `npm run package:teams` only. */
  TEAMS_APP_VERSION: optionalString.pipe(
    z
      .string()
      .regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}$/, "must be a version like 1.2.3")
      .optional(),
  ),
  TEAMS_PRIVACY_URL: optionalString.pipe(z.url({ protocol: /^https$/, error: "must be an https URL" }).optional()),
  TEAMS_TERMS_URL: optionalString.pipe(z.url({ protocol: /^https$/, error: "must be an https URL" }).optional()),
  TEAMS_WEBSITE_URL: optionalString.pipe(z.url({ protocol: /^https$/, error: "must be an https URL" }).optional()),
  /** The publisher Teams shows on the app's details (the manifest's developer.name, at most 32 characters). */
  TEAMS_PUBLISHER_NAME: optionalString.pipe(z.string().max(32, "must be at most 32 characters (Teams manifest limit)").optional()),
  /** The web chat's public address: Teams group chats and channels link to the interview kit download there. */
  PUBLIC_URL: optionalString.pipe(endpoint.optional()).transform((v) => v?.replace(/\/+$/, "")),
  TEAMS_VALID_DOMAIN: optionalString.pipe(
    z
      .string()
      .regex(/^[a-z0-9.-]+$/i, "must be a host name like bot.example.org")
      .optional(),
  ),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  /** Slack's Web API base, e.g. https://slack-gov.com/api/ for GovSlack; also used by Socket Mode. Ends in "/". */
  /** Https, or http only on a loopback address (a test double): the bot token travels with every call. */
  SLACK_API_URL: optionalString.pipe(endpoint.optional()).transform((v) => (v === undefined || v.endsWith("/") ? v : `${v}/`)),
  /** Requests per minute per client address on POST /slack/events, checked before anything is read. */
  SLACK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  OPENAI_EMBEDDINGS_MODEL: z.string().min(1).default("text-embedding-3-small"),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** auto: OpenAI embeddings when a key or base URL is set, local hashed embeddings otherwise. */
  EMBEDDINGS: z.enum(["auto", "local", "openai"]).default("auto"),

  /** Shared state for several replicas (conversation memory, rate limits, Slack de-duplication, feedback); in-process when absent. */
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional()),
  /** Prefix of every Redis key, so deployments can share one Redis. */
  REDIS_KEY_PREFIX: z.string().min(1).max(64).default("functiewijzer:"),
  /** A Redis command slower than this counts as Redis being away: the request goes on with per-process state. */
  REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(500),
  /** How often a running server checks INDEX_DIR for a new index version written by another process (0: never). */
  INDEX_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** What reading one document may cost; ingest reads them from the environment itself, listed here so a wrong value stops the start. */
  ...DocumentLimitsShape,
});

const ConfigSchema = ConfigShape.superRefine((c, ctx) => {
  // Combinations the Teams SDK would otherwise only reject at the first reply.
  const problem = (variable: string, message: string) => ctx.addIssue({ code: "custom", path: [variable], message });
  if (c.MICROSOFT_CLOUD === "custom") {
    for (const variable of ["MICROSOFT_TOKEN_ISSUER", "MICROSOFT_OPENID_METADATA_URL", "MICROSOFT_OAUTH_ENDPOINT", "MICROSOFT_CHANNEL_SERVICE"] as const) {
      if (!c[variable]) problem(variable, "required when MICROSOFT_CLOUD is custom");
    }
  }
  if (!c.MICROSOFT_APP_ID) {
    if (c.MICROSOFT_APP_PASSWORD) problem("MICROSOFT_APP_ID", "required when MICROSOFT_APP_PASSWORD is set");
    return;
  }
  if (c.MICROSOFT_APP_TYPE !== "MultiTenant" && !c.MICROSOFT_APP_TENANT_ID)
    problem("MICROSOFT_APP_TENANT_ID", `required when MICROSOFT_APP_TYPE is ${c.MICROSOFT_APP_TYPE}`);
  if (Boolean(c.MICROSOFT_APP_CERT_PEM_FILE) !== Boolean(c.MICROSOFT_APP_CERT_KEY_FILE)) {
    problem(
      c.MICROSOFT_APP_CERT_PEM_FILE ? "MICROSOFT_APP_CERT_KEY_FILE" : "MICROSOFT_APP_CERT_PEM_FILE",
      "a certificate needs both MICROSOFT_APP_CERT_PEM_FILE and MICROSOFT_APP_CERT_KEY_FILE",
    );
  }
  for (const variable of ["MICROSOFT_APP_CERT_PEM_FILE", "MICROSOFT_APP_CERT_KEY_FILE"] as const) {
    const file = c[variable];
    if (file && !existsSync(file)) problem(variable, `file not found: ${file}`);
  }
  const certificate = Boolean(c.MICROSOFT_APP_CERT_PEM_FILE && c.MICROSOFT_APP_CERT_KEY_FILE);
  if (c.MICROSOFT_APP_TYPE === "UserAssignedMSI") {
    if (c.MICROSOFT_APP_PASSWORD || certificate)
      problem(
        c.MICROSOFT_APP_PASSWORD ? "MICROSOFT_APP_PASSWORD" : "MICROSOFT_APP_CERT_PEM_FILE",
        "not used with a managed identity (UserAssignedMSI); remove it",
      );
  } else if (!c.MICROSOFT_APP_PASSWORD && !certificate) {
    problem(
      "MICROSOFT_APP_PASSWORD",
      `required for a ${c.MICROSOFT_APP_TYPE} bot (or set MICROSOFT_APP_CERT_PEM_FILE and MICROSOFT_APP_CERT_KEY_FILE, or use MICROSOFT_APP_TYPE=UserAssignedMSI)`,
    );
  }
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; a wrong value is a one-line error naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(Object.keys(ConfigShape.shape).map((key) => [key, env[key] === "" ? undefined : env[key]]));
  return parseOrThrow(ConfigSchema, known);
}

function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

const TeamsPackageSchema = ConfigShape.pick({
  MICROSOFT_APP_ID: true,
  TEAMS_APP_VERSION: true,
  TEAMS_PRIVACY_URL: true,
  TEAMS_TERMS_URL: true,
  TEAMS_WEBSITE_URL: true,
  TEAMS_PUBLISHER_NAME: true,
  TEAMS_VALID_DOMAIN: true,
});
export type TeamsPackageConfig = z.infer<typeof TeamsPackageSchema>;

/** What `npm run package:teams` needs: the app id and the manifest's URLs and version, not the bot's secrets. */
export function loadTeamsPackageConfig(env: NodeJS.ProcessEnv = process.env): TeamsPackageConfig {
  const known = Object.fromEntries(Object.keys(TeamsPackageSchema.shape).map((key) => [key, env[key] === "" ? undefined : env[key]]));
  return parseOrThrow(TeamsPackageSchema, known);
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
