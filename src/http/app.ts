import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import { rateLimit, type Store } from "express-rate-limit";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Assistant } from "../domain/assistant.js";
import type { Config } from "../platform/config.js";
import type { FeedbackStore } from "../feedback/feedbackLog.js";
import type { InsightsSources } from "../insights/index.js";
import type { Logger } from "../platform/logger.js";
import type { Door } from "../channels/door.js";
import { openApiRoutes } from "./openapi.js";
import { ReindexJob } from "./reindexJob.js";
import { adminRoutes } from "./routes/admin.js";
import { askRoutes } from "./routes/ask.js";
import { withAskMiddleware } from "../channels/shared/askMiddleware.js";
import { namespacedConversations } from "../channels/shared/namespacedConversations.js";
import { failedAuthLimit, sameOriginWrites } from "./adminGuards.js";
import { AnswerIdSigner } from "./answerIdSigner.js";
import { interviewKitRoutes } from "./routes/interviewKit.js";
import { feedbackRoutes } from "./routes/feedback.js";
import { healthRoutes } from "./routes/health.js";
import { reindexRoutes } from "./routes/reindex.js";
import { sourceRoutes } from "./routes/sources.js";
import { exampleRoutes } from "./routes/examples.js";
import { securityHeaders } from "./securityHeaders.js";

export type HttpDeps = {
  config: Config;
  logger: Logger;
  /** Undefined until the index is loaded: readiness is 503 and questions get 503. */
  assistant: () => Assistant | undefined;
  feedback: FeedbackStore;
  doors?: Door[];
  /** Shared by all replicas (Redis); express-rate-limit's in-process store when absent. */
  rateLimitStore?: Store;
  /** What the insights page (/admin) reads; without it the page shows documents only. */
  insights?: InsightsSources;
};

const PUBLIC_DIR = fileURLToPath(new URL("../channels/web/public/", import.meta.url));
const require = createRequire(import.meta.url);
/** Browser builds of the page's libraries, served from node_modules: there is no CDN offline. */
const VENDOR_FILES: Record<string, string> = {
  "/vendor/marked.js": `${dirname(require.resolve("marked"))}/marked.esm.js`,
  "/vendor/purify.js": require.resolve("dompurify").replace(/purify\.cjs\.js$/, "purify.es.mjs"),
  "/vendor/chart.js": `${dirname(require.resolve("chart.js"))}/chart.umd.min.js`,
};
const FAVICON = `${PUBLIC_DIR}favicon.svg`;
/** The JSON API's version in /openapi.json (raise it when a request or response changes incompatibly). */
const API_VERSION = "1.0.0";

/**
 * A proxy header while TRUST_PROXY is off usually means a reverse proxy the
 * server was not told about: all its users then share one rate-limit bucket.
 * Said once, in the log, for the operator.
 */
function warnOnceAboutProxyHeaders(logger: Logger): RequestHandler {
  let warned = false;
  return (req, _res, next) => {
    if (!warned && req.headers["x-forwarded-for"] !== undefined) {
      warned = true;
      logger.warn(
        "X-Forwarded-For received but TRUST_PROXY is off: clients behind that proxy share one rate-limit bucket; set TRUST_PROXY to the proxy's hop count or address",
      );
    }
    next();
  };
}

/** A lazily available Assistant seen through a door's middleware (wrapped once per Assistant instance). */
function doorAssistant(assistant: () => Assistant | undefined, wrap: (assistant: Assistant) => Assistant): () => Assistant | undefined {
  const wrapped = new WeakMap<Assistant, Assistant>();
  return () => {
    const current = assistant();
    if (!current) return undefined;
    let door = wrapped.get(current);
    if (!door) wrapped.set(current, (door = wrap(current)));
    return door;
  };
}

/** The HTTP server: web chat page, JSON API, health checks, and the chat platforms' doors. */
export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy req.ip is the client named by the trusted proxies, so each client gets its own rate-limit bucket.
  app.set("trust proxy", deps.config.TRUST_PROXY);
  if (deps.config.TRUST_PROXY === false) app.use(warnOnceAboutProxyHeaders(deps.logger));
  app.use(securityHeaders);
  // Doors parse their own bodies (Slack needs the raw body for its signature).
  for (const door of deps.doors ?? []) door.mount(app);
  app.use(healthRoutes(deps.assistant, deps.doors));
  app.use(openApiRoutes(API_VERSION));
  const reindexJob = new ReindexJob();
  // Admin surfaces: refused sign-ins are rate-limited per address, and browsers may change state only from this origin.
  app.use(["/admin", "/api/reindex"], failedAuthLimit(), sameOriginWrites());
  app.use(adminRoutes({ adminToken: deps.config.ADMIN_TOKEN, assistant: deps.assistant, insights: deps.insights, job: reindexJob }));

  const api = express.Router();
  api.use(
    rateLimit({
      windowMs: 60_000,
      limit: deps.config.RATE_LIMIT_PER_MINUTE,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      message: { error: "Too many requests; please wait a minute." },
      ...(deps.rateLimitStore ? { store: deps.rateLimitStore } : {}),
      // Reported once through our own JSON log instead (warnOnceAboutProxyHeaders), not on the console.
      validate: { xForwardedForHeader: false },
    }),
  );
  api.use(express.json({ limit: "32kb" }));
  // Answer ids are signed so that an anonymous vote can only rate an answer this server gave.
  const answerIds = new AnswerIdSigner(deps.config.ANSWER_ID_SECRET);
  // The web door's kit: its conversations live under "web:", apart from Slack's and Teams'.
  const webAssistant = doorAssistant(deps.assistant, (assistant) => withAskMiddleware(assistant, namespacedConversations("web")));
  api.use(askRoutes(webAssistant, answerIds));
  api.use(interviewKitRoutes(deps.assistant));
  api.use(exampleRoutes(deps.assistant));
  // Per process: a rate-limit store serves one limiter only.
  api.use(feedbackRoutes(deps.feedback, answerIds, { perMinute: deps.config.FEEDBACK_RATE_LIMIT_PER_MINUTE }));
  api.use(reindexRoutes(deps.config.ADMIN_TOKEN, deps.assistant, reindexJob));
  api.use(sourceRoutes(deps.config.KNOWLEDGE_DIR, deps.assistant));
  api.use((_req, res) => void res.status(404).json({ error: "No such API endpoint." }));
  app.use("/api", api);

  for (const [path, file] of Object.entries(VENDOR_FILES)) {
    app.get(path, (_req, res) => res.type("text/javascript").sendFile(file));
  }
  app.get("/favicon.ico", (_req, res) => res.type("image/svg+xml").sendFile(FAVICON));
  app.use(express.static(PUBLIC_DIR, { index: "index.html" }));

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error?.status === "number" && error.status >= 400 && error.status < 600 ? error.status : 500;
    if (status >= 500) deps.logger.error({ err: (error as Error).message }, "request failed");
    const message =
      status === 413
        ? "Request body too large."
        : status === 400
          ? "Malformed JSON body."
          : status === 415
            ? "Unsupported content type."
            : status < 500
              ? "Bad request."
              : "Internal error.";
    if (!res.headersSent) res.status(status).json({ error: message });
  };
  app.use(onError);
  return app;
}
