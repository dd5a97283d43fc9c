import type { Server } from "node:http";
import type { Logger } from "../platform/logger.js";
import type { Door } from "../channels/door.js";

export type ShutdownOptions = {
  server: Server;
  logger: Logger;
  doors: Door[];
  /** Longest wait for requests in flight before the process exits anyway. */
  graceMs?: number;
  /** Run after the server and doors closed, before exit (index watcher, shared state). */
  onStopped?: () => Promise<void>;
  exit?: (code: number) => void;
};

/**
 * Stops on SIGTERM or SIGINT: no new connections, requests in flight
 * (including answer streams) finish, keep-alive connections are closed as soon
 * as they fall idle, doors (Slack Socket Mode) are closed, then exit 0. After
 * `graceMs` the process exits 1 with a warning. Ctrl-C reaches the process
 * several times (the terminal signals npm, tsx and node alike), so repeated
 * signals do not cut the drain short.
 */
export function stopOnSignals(options: ShutdownOptions): { readonly stopping: boolean } {
  const { server, logger, doors, graceMs = 10_000, exit = (code) => process.exit(code), onStopped } = options;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing requests in flight");
    const forced = setTimeout(() => {
      logger.warn({ graceMs }, "requests still open after the grace period; exiting anyway");
      exit(1);
    }, graceMs);
    forced.unref();
    // A keep-alive connection whose request just finished is idle now: close it rather than wait for the client.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
    server.close(() => {
      clearInterval(sweep);
      void Promise.allSettled(doors.map((door) => door.close?.()))
        .then(() => onStopped?.().catch(() => undefined))
        .then(() => {
          clearTimeout(forced);
          logger.info("stopped");
          exit(0);
        });
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  return {
    get stopping() {
      return stopping;
    },
  };
}
