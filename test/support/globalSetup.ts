import { spawnSync } from "node:child_process";
import { aptCommands, CHROMIUM, machineFacts, plan, REDIS_SERVER, type MachineFacts, type SystemProgram } from "./systemDeps.js";

export type EnsureDeps = {
  facts: () => MachineFacts;
  /** Runs a command; true when it succeeded. */
  run: (command: string[]) => boolean;
  say: (line: string) => void;
};

/**
 * Finds every program, installing the missing ones with apt-get when this
 * user may; the found paths by env var, or one line saying what to install.
 */
export function ensurePrograms(programs: SystemProgram[], deps: EnsureDeps): { ok: true; env: Record<string, string> } | { ok: false; message: string } {
  let decision = plan(programs, deps.facts());
  if (decision.kind === "install") {
    const install = decision;
    const names = install.missing.map((p) => p.name).join(" and ");
    deps.say(`Installing ${names} from the distribution with apt-get (needed by the browser and Redis tests)…`);
    // Package names are chosen after the update: a fresh machine may have no package lists at all.
    const installed = deps.run(aptCommands(install, () => false).update) && deps.run(aptCommands(install, deps.facts().aptHas).install);
    decision = plan(programs, deps.facts());
    if (!installed || decision.kind !== "ready") {
      return {
        ok: false,
        message: `apt-get could not install ${names}: run \`sudo apt-get install ${install.missing.map((p) => p.packages[0]).join(" ")}\` by hand, then npm test again.`,
      };
    }
  }
  if (decision.kind === "fail") return { ok: false, message: decision.message };
  return { ok: true, env: Object.fromEntries(decision.found.map(({ program, path }) => [program.envVar, path])) };
}

/**
 * Vitest global setup: makes sure the browser tests have a Chromium and the
 * Redis tests a redis-server before any test runs, so `npm install && npm
 * test` works on a fresh Debian/Ubuntu machine. Missing ones are installed
 * from the distribution with apt-get when this user may (root, or sudo
 * without a password); otherwise the run stops with one line saying what to
 * install (a stack trace would only hide it). The paths found are passed to
 * the tests as CHROMIUM_PATH and REDIS_SERVER_PATH.
 */
export default function setup(): void {
  const result = ensurePrograms([CHROMIUM, REDIS_SERVER], {
    facts: () => machineFacts(),
    run: (command) => spawnSync(command[0]!, command.slice(1), { stdio: ["ignore", "ignore", "inherit"], timeout: 15 * 60_000 }).status === 0,
    say: (line) => void process.stderr.write(`${line}\n`),
  });
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
  Object.assign(process.env, result.env);
}
