import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * The programs some test suites start, found on this machine or installed
 * from the distribution (never downloaded from elsewhere): Chromium for the
 * browser tests, redis-server for the Redis tests. The decision is a pure
 * function of injected facts, so it is tested without touching the machine.
 */
export type SystemProgram = {
  /** What the tests call it, for messages. */
  name: string;
  /** Environment variable that names the executable explicitly. */
  envVar: string;
  /** Executable names looked up on PATH, then absolute paths, in order. */
  commands: string[];
  paths: string[];
  /** Debian/Ubuntu packages that provide it, first one the archive has wins. */
  packages: string[];
};

export const CHROMIUM: SystemProgram = {
  name: "Chromium",
  envVar: "CHROMIUM_PATH",
  commands: ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"],
  paths: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"],
  packages: ["chromium", "chromium-browser"],
};

export const REDIS_SERVER: SystemProgram = {
  name: "redis-server",
  envVar: "REDIS_SERVER_PATH",
  commands: ["redis-server"],
  paths: ["/usr/bin/redis-server", "/usr/sbin/redis-server", "/usr/local/bin/redis-server"],
  packages: ["redis-server"],
};

/** What the decision needs to know about the machine. */
export type MachineFacts = {
  env: Record<string, string | undefined>;
  isExecutable: (path: string) => boolean;
  /** Absolute path of a command on PATH, or undefined. */
  which: (command: string) => string | undefined;
  isRoot: boolean;
  /** `sudo -n true` succeeds: sudo without a password prompt. */
  passwordlessSudo: boolean;
  hasAptGet: boolean;
  /** Whether the apt archive knows a package (apt-cache show). */
  aptHas: (pkg: string) => boolean;
};

export type Found = { program: SystemProgram; path: string };
export type Plan =
  | { kind: "ready"; found: Found[] }
  | { kind: "install"; found: Found[]; missing: SystemProgram[]; sudo: boolean }
  | { kind: "fail"; message: string };

/** The executable for a program, or undefined; an explicit but wrong env path is an error. */
export function locate(program: SystemProgram, facts: MachineFacts): { path?: string; error?: string } {
  const explicit = facts.env[program.envVar];
  if (explicit) return facts.isExecutable(explicit) ? { path: explicit } : { error: `${program.envVar}=${explicit} is not an executable file` };
  for (const command of program.commands) {
    const path = facts.which(command);
    if (path && facts.isExecutable(path)) return { path };
  }
  const path = program.paths.find((p) => facts.isExecutable(p));
  return path ? { path } : {};
}

function installHint(missing: SystemProgram[]): string {
  const names = missing.map((p) => p.name).join(" and ");
  const packages = missing.map((p) => p.packages[0]).join(" ");
  const envs = missing.map((p) => p.envVar).join(" / ");
  return `npm test needs ${names}: install with \`sudo apt-get install ${packages}\` (Debian/Ubuntu) or point ${envs} at an installed one, then run npm test again.`;
}

/** Finds every program, or decides to install the missing ones with apt-get, or says in one line what to install. */
export function plan(programs: SystemProgram[], facts: MachineFacts): Plan {
  const found: Found[] = [];
  const missing: SystemProgram[] = [];
  for (const program of programs) {
    const { path, error } = locate(program, facts);
    if (error) return { kind: "fail", message: error };
    if (path) found.push({ program, path });
    else missing.push(program);
  }
  if (!missing.length) return { kind: "ready", found };
  if (!facts.hasAptGet || !(facts.isRoot || facts.passwordlessSudo)) return { kind: "fail", message: installHint(missing) };
  return { kind: "install", found, missing, sudo: !facts.isRoot };
}

/** The apt-get commands for an install plan: refresh the package lists, then install the first package name the archive has. */
export function aptCommands(install: Extract<Plan, { kind: "install" }>, aptHas: (pkg: string) => boolean): { update: string[]; install: string[] } {
  const prefix = install.sudo ? ["sudo", "-n"] : [];
  const packages = install.missing.map((p) => p.packages.find((pkg) => aptHas(pkg)) ?? p.packages[0]!);
  return {
    update: [...prefix, "apt-get", "update", "-qq"],
    install: [...prefix, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "--no-install-recommends", ...packages],
  };
}

/** The facts of this machine. */
export function machineFacts(env: NodeJS.ProcessEnv = process.env): MachineFacts {
  const isExecutable = (path: string) => {
    try {
      accessSync(path, constants.X_OK);
      return existsSync(path);
    } catch {
      return false;
    }
  };
  const which = (command: string) =>
    (env.PATH ?? "")
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, command))
      .find(isExecutable);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: "ignore", timeout: 20_000 }).status === 0;
  const hasAptGet = Boolean(which("apt-get"));
  return {
    env,
    isExecutable,
    which,
    isRoot,
    passwordlessSudo: !isRoot && Boolean(which("sudo")) && run("sudo", ["-n", "true"]),
    hasAptGet,
    aptHas: (pkg) => hasAptGet && run("apt-cache", ["show", pkg]),
  };
}
