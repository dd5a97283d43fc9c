import { ConfigError } from "./config.js";

/** Runs a CLI main: a known error is one line on stderr and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = error instanceof ConfigError ? error.message : `error: ${(error as Error).message?.split("\n")[0] ?? String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}
