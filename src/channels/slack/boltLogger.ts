import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../platform/logger.js";

/** Bolt logs with console-style varargs; pino wants one message (plus an error object). */
function toLine(parts: unknown[]): { err?: string; msg: string } {
  const err = parts.find((p): p is Error => p instanceof Error);
  const msg = parts
    .filter((p) => p !== err)
    .map((p) => (typeof p === "string" ? p : p instanceof Object ? (JSON.stringify(p)?.slice(0, 500) ?? "") : String(p)))
    .join(" ");
  return err ? { err: err.message, msg: msg || err.name } : { msg };
}

/**
 * Bolt's logger interface on top of pino. Bolt's info lines (connection chatter
 * in Socket Mode) go to debug so they do not drown the app's own info logs.
 * Bolt's debug output includes whole Web API request bodies (the questions and
 * answers), so it is dropped unless `logBodies` (LOG_MESSAGE_BODIES) is on, and
 * then goes to trace. The level is pino's: setLevel is ignored so LOG_LEVEL stays the one switch.
 */
export function boltLogger(logger: Logger, options: { logBodies?: boolean } = {}): BoltLogger {
  const log = logger.child({ component: "slack-bolt" });
  const write =
    (level: "trace" | "debug" | "warn" | "error") =>
    (...parts: unknown[]) => {
      if (!log.isLevelEnabled(level)) return;
      const { err, msg } = toLine(parts);
      if (err) log[level]({ err }, msg);
      else log[level](msg);
    };
  return {
    debug: options.logBodies ? write("trace") : () => undefined,
    info: write("debug"),
    warn: write("warn"),
    error: write("error"),
    setLevel: () => undefined,
    setName: () => undefined,
    getLevel: () => {
      if (options.logBodies && log.isLevelEnabled("trace")) return LogLevel.DEBUG;
      if (log.isLevelEnabled("debug")) return LogLevel.INFO;
      if (log.isLevelEnabled("warn")) return LogLevel.WARN;
      return LogLevel.ERROR;
    },
  };
}
