import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs on stderr (stdout stays clean for `ask --json`).
 * Secrets are redacted wherever they might appear in a logged object.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ["*.authorization", "*.headers.authorization", "*.password", "*.token", "*.apiKey", "*.secret"],
        censor: "[redacted]",
      },
    },
    pino.destination(2),
  );
}

/** A logger that writes nothing; for tests and library use. */
export const silentLogger: Logger = pino({ level: "silent" });
