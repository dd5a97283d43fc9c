import { spawnSync } from "node:child_process";
import { aptCommands, CHROMIUM, machineFacts, plan, REDIS_SERVER } from "./systemDeps.js";

/**
 * Vitest global setup: makes sure the browser tests have a Chromium and the
 * Redis tests a redis-server before any test runs, so `npm install && npm
 * test` works on a fresh Debian/Ubuntu machine. Missing ones are installed
 * from the distribution with apt-get when this user may (root, or sudo
 * without a password); otherwise the run stops with one line saying what to
 * install. The paths found are passed to the tests as CHROMIUM_PATH and
 * REDIS_SERVER_PATH.
 */
/** One clear line and a failed run; a stack trace here would only hide the message. */
function stop(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

export default function setup(): void {
  const programs = [CHROMIUM, REDIS_SERVER];
  let decision = plan(programs, machineFacts());
  if (decision.kind === "install") {
    const names = decision.missing.map((p) => p.name).join(" and ");
    process.stderr.write(`Installing ${names} from the distribution with apt-get (needed by the browser and Redis tests)…\n`);
    const install = decision;
    const run = (command: string[]) => spawnSync(command[0]!, command.slice(1), { stdio: ["ignore", "ignore", "inherit"], timeout: 15 * 60_000 }).status === 0;
    // Package names are chosen after the update: a fresh machine may have no package lists at all.
    const installed = run(aptCommands(install, () => false).update) && run(aptCommands(install, machineFacts().aptHas).install);
    decision = plan(programs, machineFacts());
    if (!installed || decision.kind !== "ready") stop(`apt-get could not install ${names}: run \`sudo apt-get install ${install.missing.map((p) => p.packages[0]).join(" ")}\` by hand, then npm test again.`);
  }
  if (decision.kind === "fail") stop(decision.message);
  for (const { program, path } of decision.found) process.env[program.envVar] = path;
}
