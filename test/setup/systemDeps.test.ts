import { describe, expect, it } from "vitest";
import { ensurePrograms } from "../support/globalSetup.js";
import { aptCommands, CHROMIUM, locate, plan, REDIS_SERVER, type MachineFacts } from "../support/systemDeps.js";

/** A machine described by facts: which files are executables, what is on PATH, who we are. */
function machine(overrides: Partial<MachineFacts> & { executables?: string[]; onPath?: Record<string, string> } = {}): MachineFacts {
  const executables = new Set(overrides.executables ?? []);
  return {
    env: {},
    isExecutable: (path) => executables.has(path),
    which: (command) => overrides.onPath?.[command],
    isRoot: false,
    passwordlessSudo: false,
    hasAptGet: true,
    aptHas: () => true,
    ...overrides,
  };
}

describe("finding Chromium and redis-server for the tests (fresh machine)", () => {
  it("uses what is installed: PATH first, then the usual paths", () => {
    expect(locate(CHROMIUM, machine({ executables: ["/usr/bin/chromium"] }))).toEqual({ path: "/usr/bin/chromium" });
    expect(locate(CHROMIUM, machine({ executables: ["/usr/bin/google-chrome"] }))).toEqual({ path: "/usr/bin/google-chrome" });
    expect(
      locate(CHROMIUM, machine({ executables: ["/opt/c/chromium-browser", "/usr/bin/chromium"], onPath: { "chromium-browser": "/opt/c/chromium-browser" } })),
    ).toEqual({ path: "/opt/c/chromium-browser" });
    expect(locate(REDIS_SERVER, machine({ executables: ["/usr/sbin/redis-server"] }))).toEqual({ path: "/usr/sbin/redis-server" });
    expect(locate(CHROMIUM, machine())).toEqual({});
  });

  it("honours CHROMIUM_PATH, and says so when it points at nothing", () => {
    const facts = machine({ env: { CHROMIUM_PATH: "/srv/chrome/chrome" }, executables: ["/srv/chrome/chrome", "/usr/bin/chromium"] });
    expect(locate(CHROMIUM, facts)).toEqual({ path: "/srv/chrome/chrome" });
    const wrong = plan([CHROMIUM], machine({ env: { CHROMIUM_PATH: "/nope" }, executables: ["/usr/bin/chromium"] }));
    expect(wrong).toEqual({ kind: "fail", message: "CHROMIUM_PATH=/nope is not an executable file" });
  });

  it("is ready when both are there", () => {
    const result = plan([CHROMIUM, REDIS_SERVER], machine({ executables: ["/usr/bin/chromium", "/usr/bin/redis-server"] }));
    expect(result).toMatchObject({ kind: "ready", found: [{ path: "/usr/bin/chromium" }, { path: "/usr/bin/redis-server" }] });
  });

  it("installs the missing ones with apt-get as root, or with passwordless sudo", () => {
    const asRoot = plan([CHROMIUM, REDIS_SERVER], machine({ isRoot: true, executables: ["/usr/bin/redis-server"] }));
    expect(asRoot).toMatchObject({ kind: "install", sudo: false, missing: [CHROMIUM] });
    if (asRoot.kind !== "install") throw new Error("expected an install plan");
    expect(aptCommands(asRoot, () => true)).toEqual({
      update: ["apt-get", "update", "-qq"],
      install: ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
    });
    const withSudo = plan([CHROMIUM, REDIS_SERVER], machine({ passwordlessSudo: true }));
    if (withSudo.kind !== "install") throw new Error("expected an install plan");
    // Ubuntu's archive has chromium-browser, not chromium.
    expect(aptCommands(withSudo, (pkg) => pkg !== "chromium").install).toEqual([
      "sudo",
      "-n",
      "env",
      "DEBIAN_FRONTEND=noninteractive",
      "apt-get",
      "install",
      "-y",
      "-qq",
      "--no-install-recommends",
      "chromium-browser",
      "redis-server",
    ]);
  });

  it("fails with one line saying what to install when it cannot install", () => {
    for (const facts of [machine(), machine({ isRoot: true, hasAptGet: false }), machine({ passwordlessSudo: true, hasAptGet: false })]) {
      const result = plan([CHROMIUM, REDIS_SERVER], facts);
      expect(result.kind).toBe("fail");
      if (result.kind !== "fail") continue;
      expect(result.message.split("\n")).toHaveLength(1);
      expect(result.message).toContain("sudo apt-get install chromium redis-server");
      expect(result.message).toContain("CHROMIUM_PATH");
    }
    const onlyRedis = plan([CHROMIUM, REDIS_SERVER], machine({ executables: ["/usr/bin/chromium"] }));
    expect(onlyRedis).toMatchObject({ kind: "fail", message: expect.stringContaining("needs redis-server: install with `sudo apt-get install redis-server`") });
  });

  it("passed the paths it found on to the test processes", () => {
    // Set by test/support/globalSetup.ts before any test file runs.
    expect(process.env.CHROMIUM_PATH).toMatch(/chrom/);
    expect(process.env.REDIS_SERVER_PATH).toMatch(/redis-server$/);
  });
});

describe("the global setup's install flow", () => {
  /** A machine where apt-get "installs" a package by making its executable appear. */
  function aptMachine(options: { isRoot: boolean; aptWorks: boolean; installed?: string[] }) {
    const executables = new Set(options.installed ?? []);
    const commands: string[][] = [];
    const provides: Record<string, string> = { chromium: "/usr/bin/chromium", "redis-server": "/usr/bin/redis-server" };
    const deps = {
      facts: () => machine({ isRoot: options.isRoot, executables: [...executables], aptHas: (pkg: string) => pkg in provides }),
      run: (command: string[]) => {
        commands.push(command);
        if (!options.aptWorks) return false;
        if (command.includes("install")) for (const pkg of command.slice(command.indexOf("--no-install-recommends") + 1)) executables.add(provides[pkg]!);
        return true;
      },
      say: (line: string) => void lines.push(line),
    };
    const lines: string[] = [];
    return { deps, commands, lines };
  }

  it("installs what is missing, then hands the paths to the tests", () => {
    const { deps, commands, lines } = aptMachine({ isRoot: true, aptWorks: true, installed: ["/usr/bin/redis-server"] });
    expect(ensurePrograms([CHROMIUM, REDIS_SERVER], deps)).toEqual({
      ok: true,
      env: { CHROMIUM_PATH: "/usr/bin/chromium", REDIS_SERVER_PATH: "/usr/bin/redis-server" },
    });
    expect(commands).toEqual([
      ["apt-get", "update", "-qq"],
      ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
    ]);
    expect(lines).toEqual(["Installing Chromium from the distribution with apt-get (needed by the browser and Redis tests)…"]);
  });

  it("runs nothing when everything is installed", () => {
    const { deps, commands } = aptMachine({ isRoot: true, aptWorks: true, installed: ["/usr/bin/chromium", "/usr/bin/redis-server"] });
    expect(ensurePrograms([CHROMIUM, REDIS_SERVER], deps)).toMatchObject({ ok: true });
    expect(commands).toEqual([]);
  });

  it("says in one line what to run when apt-get fails", () => {
    const { deps } = aptMachine({ isRoot: true, aptWorks: false });
    const result = ensurePrograms([CHROMIUM, REDIS_SERVER], deps);
    expect(result).toEqual({
      ok: false,
      message: "apt-get could not install Chromium and redis-server: run `sudo apt-get install chromium redis-server` by hand, then npm test again.",
    });
  });

  it("installs nothing and says what to install when it may not (no root, no password-less sudo)", () => {
    const { deps, commands } = aptMachine({ isRoot: false, aptWorks: true });
    const result = ensurePrograms([CHROMIUM, REDIS_SERVER], deps);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("sudo apt-get install chromium redis-server") });
    expect(commands).toEqual([]);
  });
});
