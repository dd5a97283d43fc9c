import { webApi } from "@slack/bolt";
import { slackMode } from "../channels/slack/index.js";
import { teamsCloud } from "../channels/teams/cloud.js";
import { errorSummary } from "../channels/teams/errorSummary.js";
import { isLoopbackHost } from "../channels/teams/loopback.js";
import { msalTokenSource, type AccessTokenSource } from "../channels/teams/tokenSource.js";
import { llmConfigured, loadConfig, type Config } from "../platform/config.js";
import { runCli } from "../platform/runCli.js";

/** One line of the report: ✓ works, ✗ configured but failing, – not configured (nothing to check). */
export type Check = { door: string; status: "ok" | "fail" | "off"; detail: string };

export type DoctorDeps = {
  fetch?: typeof fetch;
  /** The bot's own token source for Teams (MSAL with the configured credentials by default). */
  teamsTokens?: (config: Config) => AccessTokenSource;
  /** Per-request time limit. */
  timeoutMs?: number;
};

const ok = (door: string, detail: string): Check => ({ door, status: "ok", detail });
const fail = (door: string, detail: string): Check => ({ door, status: "fail", detail });
const off = (door: string, detail: string): Check => ({ door, status: "off", detail });

async function getJson(url: string, deps: DoctorDeps, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await (deps.fetch ?? fetch)(url, { headers, signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Teams: configured, and can it work? The OpenID document and signing keys
 * Azure Bot Service's tokens are checked with must be reachable, and the
 * bot's credentials must get a reply token for the cloud's channel service.
 */
async function checkTeams(config: Config, deps: DoctorDeps): Promise<Check[]> {
  if (!config.MICROSOFT_APP_ID) {
    return [
      isLoopbackHost(config.HOST)
        ? off("Teams", "emulator mode only (no MICROSOFT_APP_ID; answers the Agents Playground / Bot Emulator on this machine)")
        : off("Teams", "off (set MICROSOFT_APP_ID and its credentials)"),
    ];
  }
  const cloud = teamsCloud(config);
  const checks: Check[] = [ok("Teams", `configured: app ${config.MICROSOFT_APP_ID}, ${config.MICROSOFT_APP_TYPE}, ${config.MICROSOFT_CLOUD} cloud`)];
  try {
    const metadata = await getJson(cloud.openIdMetadataUrl, deps);
    if (typeof metadata.jwks_uri !== "string") throw new Error("the OpenID document names no jwks_uri");
    const keys = await getJson(metadata.jwks_uri, deps);
    const count = Array.isArray(keys.keys) ? keys.keys.length : 0;
    if (!count) throw new Error("the key set is empty");
    checks.push(ok("Teams", `incoming tokens: ${count} signing keys from ${new URL(metadata.jwks_uri).host}`));
  } catch (error) {
    checks.push(fail("Teams", `incoming tokens cannot be checked: ${errorSummary(error)}`));
  }
  try {
    const token = await (deps.teamsTokens ?? ((c) => msalTokenSource(c, teamsCloud(c))))(config).getAccessToken(cloud.channelService);
    if (!token) throw new Error("no token");
    checks.push(ok("Teams", `replies: the bot's credentials get a token for ${cloud.channelService}`));
  } catch (error) {
    checks.push(fail("Teams", `replies: the bot's credentials get no token (${errorSummary(error)}); check MICROSOFT_APP_PASSWORD / certificate / tenant`));
  }
  return checks;
}

/** Slack: which mode, and does Slack accept the bot token (auth.test) and, in Socket Mode, the app token? */
async function checkSlack(config: Config): Promise<Check[]> {
  const mode = slackMode(config);
  if (!mode) return [off("Slack", "off (set SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET, or SLACK_APP_TOKEN for Socket Mode)")];
  const options = { ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}), retryConfig: { retries: 0 } };
  const checks: Check[] = [
    ok("Slack", `configured: ${mode.kind === "socket" ? "Socket Mode (no public URL needed)" : "Events API over HTTP at POST /slack/events"}`),
  ];
  try {
    const auth = await new webApi.WebClient(mode.botToken, options).auth.test();
    checks.push(ok("Slack", `bot token valid: @${auth.user ?? "?"} in ${auth.team ?? "?"} (${auth.team_id ?? "?"})`));
  } catch (error) {
    checks.push(fail("Slack", `bot token refused: ${(error as { data?: { error?: string } }).data?.error ?? errorSummary(error)}`));
  }
  if (mode.kind === "socket") {
    try {
      await new webApi.WebClient(mode.appToken, options).apps.connections.open();
      checks.push(ok("Slack", "app token valid: Socket Mode can connect"));
    } catch (error) {
      checks.push(fail("Slack", `app token refused: ${(error as { data?: { error?: string } }).data?.error ?? errorSummary(error)}`));
    }
  }
  return checks;
}

/** Generated answers: configured, and does the endpoint list models with the key? */
async function checkModel(config: Config, deps: DoctorDeps): Promise<Check[]> {
  if (!llmConfigured(config)) return [off("Model", "offline answers only (set OPENAI_API_KEY or OPENAI_BASE_URL for generated answers)")];
  const base = (config.OPENAI_BASE_URL ?? "https://api.openai.com/v1").replace(/\/+$/, "");
  try {
    await getJson(`${base}/models`, deps, config.OPENAI_API_KEY ? { authorization: `Bearer ${config.OPENAI_API_KEY}` } : {});
    return [ok("Model", `${config.OPENAI_MODEL} at ${new URL(base).host} answers`)];
  } catch (error) {
    return [fail("Model", `${new URL(base).host} is not reachable with this key: ${errorSummary(error)} (answers fall back to offline)`)];
  }
}

/** Every door's configuration and reachability; never prints a secret. */
export async function doctor(config: Config, deps: DoctorDeps = {}): Promise<Check[]> {
  const [teams, slack, model] = await Promise.all([checkTeams(config, deps), checkSlack(config), checkModel(config, deps)]);
  return [ok("Web", `chat page and JSON API on http://${config.HOST}:${config.PORT}/ (always on)`), ...teams, ...slack, ...model];
}

const MARK = { ok: "✓", fail: "✗", off: "–" } as const;

export function renderChecks(checks: Check[]): string {
  return `${checks.map((c) => `${MARK[c.status]} ${c.door.padEnd(6)} ${c.detail}`).join("\n")}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(async () => {
    const checks = await doctor(loadConfig());
    process.stdout.write(renderChecks(checks));
    if (checks.some((c) => c.status === "fail")) process.exitCode = 1;
  });
}
