import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

/** The layer rule of .dependency-cruiser.cjs, run with dependency-cruiser itself: on the real tree, and on a small tree that breaks it. */
const ROOT = resolve(import.meta.dirname, "../..");
const CLI = join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");

type Violation = { rule: { name: string }; from: string; to: string };

async function cruise(cwd: string): Promise<Violation[]> {
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, [CLI, "src", "--config", CONFIG, "--output-type", "json"], { cwd, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }),
  );
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("layers", () => {
  it("src imports downward only and has no import cycle", async () => {
    const violations = await cruise(ROOT);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 60_000);

  it("reports an upward import, a cycle and a door importing another door", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fw-layers-"));
    made.push(dir);
    const files: Record<string, string> = {
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } }),
      "src/domain/role.ts": 'import type { Plan } from "../answer/plan.js";\nexport type Role = { plan?: Plan };\n',
      "src/answer/plan.ts": 'import type { Role } from "../domain/role.js";\nexport type Plan = { role?: Role };\n',
      "src/search/store.ts": 'import { build } from "../indexing/build.js";\nexport const store = build;\n',
      "src/indexing/build.ts": "export const build = 1;\n",
      "src/channels/slack.ts": 'import { server } from "../http/server.js";\nexport const slack = server;\n',
      "src/http/server.ts": "export const server = 1;\n",
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const rules = new Set((await cruise(dir)).map((v) => `${v.rule.name}: ${v.from}`));
    expect(rules).toContain("tier-0-imports-upward: src/domain/role.ts");
    expect([...rules].some((rule) => rule.startsWith("no-cycle: "))).toBe(true);
    expect(rules).toContain("tier-3-imports-upward: src/search/store.ts");
    expect(rules).toContain("tier-8-imports-upward: src/channels/slack.ts");
    expect(rules).not.toContain("tier-6-imports-upward: src/answer/plan.ts");
  }, 60_000);
});
