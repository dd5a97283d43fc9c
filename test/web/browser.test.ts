import { mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { listen, type Listening } from "../support/http.js";
import { buildAssistant } from "../support/knowledge.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";

/** Debian's Chromium (installed by .ci/run); never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

describe("web chat page in headless Chromium", () => {
  let server: Listening;
  let browser: Browser;
  const feedback = new MemoryFeedback();

  beforeAll(async () => {
    const { assistant } = await buildAssistant();
    server = await listen(createHttpApp({ config: loadConfig({}), logger: silentLogger, assistant: () => assistant, feedback }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("asks, shows a cited answer with follow-ups, follows one up, records a vote", async () => {
    const page = await browser.newPage({ locale: "nl-NL", viewport: { width: 1000, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url);
    await expect.poll(() => page.locator("#status").textContent()).toContain("5 documenten");

    await page.fill("#question", "Geef toetsvragen voor onderhandelen");
    await page.click("#send");
    const first = page.locator("li.msg.bot").first();
    await first.waitFor();
    expect(await first.locator(".markdown").textContent()).toMatch(/Onderhandelen/i);
    expect(await first.locator(".markdown li").count()).toBeGreaterThan(2);
    expect(await first.locator(".chip").count()).toBeGreaterThan(0);
    const followUps = first.locator(".followups button");
    expect(await followUps.count()).toBeGreaterThanOrEqual(2);

    await first.locator(".chip").first().click();
    await expect.poll(() => page.locator("#source").isVisible()).toBe(true);
    expect(await page.locator("#source-section").textContent()).toMatch(/›/);
    // The whole section from the real index, with the cited passage marked in it.
    await expect.poll(() => page.locator("#source-text").getAttribute("aria-busy")).toBeNull();
    expect(await page.locator("#source-text mark").count()).toBe(1);
    expect((await page.locator("#source-text").textContent())!.length).toBeGreaterThan((await page.locator("#source-text mark").textContent())!.length + 100);
    await page.locator("#source button").click();

    await first.locator(".vote").first().click();
    await expect.poll(() => feedback.votes.length).toBe(1);
    expect(feedback.votes[0]).toMatchObject({ channel: "web", vote: "up", question: "Geef toetsvragen voor onderhandelen" });

    const followUpText = (await followUps.first().textContent())!;
    await followUps.first().click();
    await expect.poll(() => page.locator("li.msg.user").count()).toBe(2);
    expect(await page.locator("li.msg.user").nth(1).textContent()).toBe(followUpText);
    await expect.poll(() => page.locator("li.msg.bot").count()).toBe(2);

    mkdirSync("test-output", { recursive: true });
    await page.screenshot({ path: "test-output/web-chat.png", fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  it("switches the interface to English and renders document text as text, not markup", async () => {
    const page = await browser.newPage({ locale: "nl-NL" });
    await page.goto(server.url);
    await page.click("#lang");
    expect(await page.locator("#send").textContent()).toBe("Ask");
    await page.fill("#question", '<img src=x onerror="window.hacked=1"> what is <b>scale</b>?');
    await page.click("#send");
    await page.locator("li.msg.bot, li.msg.refused").first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(await page.locator("li.msg.user").first().textContent()).toContain("<img");
    await page.close();
  }, 30_000);
});
