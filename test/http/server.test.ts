import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/knowledge.js";
import { runScript, spawnScript } from "../support/run.js";

describe("npm start (the server process)", () => {
  it("builds the index, prints its URL and doors, serves, and exits cleanly on SIGTERM", async () => {
    const dir = tempDir("fw-start-");
    const child = spawnScript("src/server.ts", [], {
      PORT: "0",
      INDEX_DIR: join(dir, "index"),
      DATA_DIR: join(dir, "data"),
      ADMIN_TOKEN: "s3cret-admin-token-0123456789",
    });
    let stderr = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line: ${stderr}`)), 25_000);
      child.stderr!.on("data", (d) => {
        stderr += d;
        const match = /ready at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
        // The banner's last line: everything it lists has been printed.
        if (match && stderr.includes("shared state")) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect(stderr).toMatch(/5 documents/);
    expect(stderr).toMatch(/offline mode/);
    // The banner names every page it serves, and each one answers.
    for (const page of ["/admin", "/openapi.json"]) {
      expect(stderr).toContain(`${url}${page}`);
      expect((await fetch(`${url}${page}`)).status, page).toBe(200);
    }
    const ready = await fetch(`${url}/readyz`);
    expect(await ready.json()).toMatchObject({ ready: true, documents: 5 });
    const ask = await fetch(`${url}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "toetsvragen onderhandelen" }),
    });
    expect(ask.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on("close", resolve));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(stderr).not.toContain("toetsvragen onderhandelen"); // message bodies stay out of the logs by default
  }, 40_000);

  it("refuses to start with a one-line error naming a wrong variable", async () => {
    const run = await runScript("src/server.ts", [], { PORT: "not-a-port" });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("PORT");
  }, 20_000);
});
