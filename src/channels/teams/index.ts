import { doorKit } from "../shared/doorKit.js";
import express, { type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import type { Request as AgentsRequest } from "@microsoft/agents-hosting";
import { z } from "zod";
import type { Door, DoorDeps } from "../door.js";
import { TeamsAdapter } from "./adapter.js";
import { createTeamsAgent } from "./agent.js";
import { teamsCloud } from "./cloud.js";
import { errorSummary } from "./errorSummary.js";
import { isLoopbackHost, isLoopbackUrl } from "./loopback.js";
import type { SendRetryOptions } from "./sendRetry.js";
import { SigningKeys } from "./signingKeys.js";
import { msalTokenSource, type AccessTokenSource } from "./tokenSource.js";
import { TokenRejected, TokenValidator, type VerifiedToken } from "./tokenValidator.js";
import { GraphGroups, TeamsAudiences } from "./audience.js";
import { AccessFile } from "../../ingest/accessFile.js";

export type TeamsDoorOptions = {
  /** The bot's own reply tokens; by default MSAL with the configured credentials. */
  tokens?: AccessTokenSource;
  /** Pause between streamed updates (tests); Teams' own limit is about one per second. */
  streamDelayMs?: number;
  /** Retries of throttled sends (tests shorten the waits); Microsoft's guidance by default. */
  sendRetry?: Partial<SendRetryOptions>;
};

/** The fields the door needs before it hands an activity to the SDK; anything else is the SDK's to read. */
const IncomingActivity = z.object({
  type: z.string().min(1).max(64),
  serviceUrl: z.string().max(2048).optional(),
  channelId: z.string().max(64).optional(),
  conversation: z.object({ id: z.string().min(1).max(1024) }).loose(),
});

const sameServiceUrl = (a: string, b: string) => a.replace(/\/+$/, "").toLowerCase() === b.replace(/\/+$/, "").toLowerCase();

/**
 * The Teams door: Bot Framework activities on POST /api/messages, handled
 * by the Microsoft 365 Agents SDK. It exists only when configured:
 * - with MICROSOFT_APP_ID every request needs a valid token from the
 *   configured cloud (401 otherwise, one log line, the bot never runs);
 * - without it, emulator mode, only when HOST is a loopback address, and
 *   replies go only to loopback serviceUrls (no requests to elsewhere);
 * - otherwise no route at all, and the start-up line says why.
 */
export function createTeamsDoor(deps: DoorDeps, options: TeamsDoorOptions = {}): Door {
  const { config, logger } = deps;
  const appId = config.MICROSOFT_APP_ID;
  if (!appId && !isLoopbackHost(config.HOST)) {
    return {
      description: `Teams      off: no MICROSOFT_APP_ID, and emulator mode (no authentication) is only allowed on a loopback HOST, not ${config.HOST}`,
      mount() {},
    };
  }
  const cloud = teamsCloud(config);
  const validator = appId ? new TokenValidator({ appId, issuer: cloud.tokenIssuer, keys: new SigningKeys(cloud.openIdMetadataUrl) }) : undefined;
  const tokens = appId ? (options.tokens ?? msalTokenSource(config, cloud)) : undefined;
  const access = new AccessFile(config.KNOWLEDGE_DIR);
  const graphUrl = config.GRAPH_API_URL ?? (config.MICROSOFT_CLOUD === "usgov" ? "https://graph.microsoft.us" : "https://graph.microsoft.com");
  const audiences = new TeamsAudiences(() => access.current(), {
    // Only a verified token vouches for the activity's tenant, team, channel and user.
    verified: Boolean(validator),
    graph: tokens ? new GraphGroups({ graphUrl, tokens, cacheMs: config.GROUP_CACHE_SECONDS * 1000, logger }) : undefined,
    tenant: config.MICROSOFT_APP_TENANT_ID,
  });
  const adapter = new TeamsAdapter({
    appId,
    tokens,
    channelService: cloud.channelService,
    // Authenticated: the token's serviceurl claim decides (checked below). Emulator: this machine only.
    outbound: appId ? { enabled: false, isAllowed: () => true } : { enabled: true, isAllowed: isLoopbackUrl },
  });
  adapter.onTurnError = async (context, error) => {
    // One line, no message text, no response bodies of whatever the serviceUrl was.
    logger.error({ err: errorSummary(error), activityType: context.activity.type, channel: context.activity.channelId }, "teams turn failed");
    if (context.activity.type === "message") {
      await context
        .sendActivity("Er ging iets mis bij het beantwoorden. Probeer het nog eens. / Something went wrong; please try again.")
        .catch(() => undefined);
    }
  };
  const agent = createTeamsAgent(adapter, {
    // The shared door kit: Teams' conversations under "teams:" (the agent limits questions per user itself).
    assistant: doorKit("teams", deps.assistant),
    feedback: deps.feedback,
    logger,
    sensitivityLabel: config.TEAMS_SENSITIVITY_LABEL,
    sensitivityDescription: config.TEAMS_SENSITIVITY_DESCRIPTION,
    streamDelayMs: options.streamDelayMs,
    sendRetry: options.sendRetry,
    questionsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    audiences,
    publicUrl: config.PUBLIC_URL,
  });

  const refuse = (req: Request, res: Response, reason: string) => {
    logger.warn({ reason, ip: req.ip }, "teams request refused");
    res.status(401).json({ error: "Unauthorized." });
  };

  /** Checks the token before the body is read: unauthenticated callers cost us nothing more. */
  const authenticate: express.RequestHandler = (req, res, next) => {
    if (!validator) return next();
    let token: string;
    try {
      token = TokenValidator.bearer(req.headers.authorization);
    } catch (error) {
      return refuse(req, res, (error as TokenRejected).reason);
    }
    validator.verify(token).then(
      (verified) => {
        res.locals.token = verified;
        next();
      },
      (error: unknown) => refuse(req, res, error instanceof TokenRejected ? error.reason : "token check failed"),
    );
  };

  return {
    description: appId
      ? `Teams      POST /api/messages (app ${appId}, ${config.MICROSOFT_APP_TYPE}, ${config.MICROSOFT_CLOUD} cloud)`
      : "Teams      POST /api/messages (emulator mode: no MICROSOFT_APP_ID, auth off, replies only to loopback addresses)",
    mount(app) {
      app.post(
        "/api/messages",
        // Counts only refused requests: token floods are slowed, Teams' own traffic never is.
        rateLimit({
          windowMs: 60_000,
          limit: Math.max(30, config.RATE_LIMIT_PER_MINUTE),
          skipSuccessfulRequests: true,
          standardHeaders: "draft-7",
          legacyHeaders: false,
          message: { error: "Too many requests." },
        }),
        authenticate,
        express.json({ limit: "256kb" }),
        async (req, res) => {
          const activity = IncomingActivity.safeParse(req.body);
          if (!activity.success) return void res.status(400).json({ error: "Invalid Bot Framework activity." });
          const verified = res.locals.token as VerifiedToken | undefined;
          if (verified) {
            // Bot Framework tokens name the serviceUrl they were issued for, and their key the channels it may sign for.
            const claim = verified.claims.serviceurl;
            if (typeof claim !== "string" || !activity.data.serviceUrl || !sameServiceUrl(claim, activity.data.serviceUrl))
              return refuse(req, res, "serviceUrl does not match the token");
            if (verified.endorsements && !verified.endorsements.includes(activity.data.channelId ?? ""))
              return refuse(req, res, "signing key not endorsed for this channel");
            (req as unknown as AgentsRequest).user = verified.claims;
          } else if (activity.data.serviceUrl && !isLoopbackUrl(activity.data.serviceUrl)) {
            return void res.status(400).json({ error: "Emulator mode replies only to loopback serviceUrls." });
          }
          try {
            await adapter.process(req, res, (context) => agent.run(context));
          } catch (error) {
            // The SDK throws (instead of answering) on activities it cannot parse.
            logger.warn({ err: errorSummary(error) }, "teams activity rejected");
            if (!res.headersSent) res.status(400).json({ error: "Invalid Bot Framework activity." });
          }
        },
      );
    },
  };
}
