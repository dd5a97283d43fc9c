import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerId } from "../../src/answer/answerId.js";
import { loadConfig } from "../../src/platform/config.js";
import { JsonlFeedbackLog } from "../../src/feedback/feedbackLog.js";
import { createHttpApp } from "../../src/http/app.js";
import { insightsFromConfig } from "../../src/insights/index.js";
import { recordingAssistant } from "../../src/insights/recordingAssistant.js";
import { silentLogger } from "../../src/platform/logger.js";
import { listen, type Listening } from "../support/http.js";
import { tempDir } from "../support/knowledge.js";
import { seriousViolations } from "./support/axe.js";
import { launchChromium, noSidewaysScroll, screenshot, VIEWPORTS } from "./support/browser.js";
import { ScriptedAssistant } from "./support/scriptedAssistant.js";

const TOKEN = "browser-admin-token-0123456789";

describe("insights page in headless Chromium", () => {
  let server: Listening;
  let browser: Browser;
  const outside: string[] = [];

  beforeAll(async () => {
    const scripted = new ScriptedAssistant();
    const config = loadConfig({ ADMIN_TOKEN: TOKEN, DATA_DIR: tempDir("fw-admin-data-"), RECORD_UNANSWERED: "true", KNOWLEDGE_DIR: scripted.knowledgeDir });
    const insights = insightsFromConfig(config);
    const assistant = recordingAssistant(scripted, { logger: silentLogger, answers: insights.answers, unanswered: insights.unanswered });
    // Usage as the doors would leave it: answers on web and Teams, a 👎 on each, refused questions.
    const feedback = new JsonlFeedbackLog(`${config.DATA_DIR}/feedback.jsonl`);
    const web = await assistant.ask("Geef een lange lijst taken", { channel: "web" });
    const teams = await assistant.ask("Zonder markers graag", { channel: "teams" });
    await feedback.record({ channel: "web", conversation: "w", question: web.question, answerId: answerId(web), vote: "down" });
    await feedback.record({ channel: "teams", conversation: "t", question: teams.question, answerId: answerId(teams), vote: "down" });
    await feedback.record({ channel: "slack", conversation: "s", question: teams.question, answerId: answerId(teams), vote: "up" });
    const refuse = (question: string) =>
      insights.unanswered!.append({ at: new Date().toISOString(), question, channel: "web", intent: "unknown", language: "nl" });
    await refuse("Wat verdient een schaal 8?");
    await refuse("wat verdien je in schaal 8");
    await refuse("Hoeveel verlofdagen krijg ik?");
    server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback, insights }));
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { name, width, height } of VIEWPORTS) {
    it(`${name} ${width}×${height}: sign in, documents, skipped files, feedback chart, refused questions, reindex, axe`, async () => {
      // The phone run also checks dark mode (contrast is part of the axe run).
      const page = await browser.newPage({ locale: "nl-NL", viewport: { width, height }, colorScheme: name === "phone" ? "dark" : "light" });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && !m.text().includes("401") && errors.push(m.text()));
      page.on("request", (r) => !r.url().startsWith(server.url) && outside.push(r.url()));
      await page.goto(`${server.url}/admin`);

      await page.locator("#signin").waitFor();
      expect(await page.locator("#dashboard").isVisible()).toBe(false);
      expect(await seriousViolations(page)).toEqual([]);
      await page.fill("#token", "not-the-token");
      await page.press("#token", "Enter");
      await expect.poll(() => page.locator("#signin-error").textContent()).toBe("Onjuist beheertoken.");
      await page.fill("#token", TOKEN);
      await page.click("#signin-form button");
      await page.locator("#dashboard").waitFor();
      expect(page.url()).toBe(`${server.url}/admin`);
      expect(await page.evaluate(() => document.cookie)).toBe(""); // HttpOnly: not readable by script

      const documents = page.locator("#documents tbody tr");
      expect(await documents.count()).toBe(2);
      expect(await documents.first().textContent()).toContain("Service level manager ICT");
      expect(await documents.first().textContent()).toContain("Schaal 11");
      // What was read, by name: the competencies and the career steps, not only a count.
      expect(await documents.first().textContent()).toContain("Onderhandelen, Analyseren, Samenwerken");
      expect(await documents.first().textContent()).toContain("Schaal 11 → Schaal 12");
      expect(await documents.nth(1).locator(".warning").textContent()).toBe("geen competentie gevonden");
      expect(await page.locator("#skipped tbody").textContent()).toContain("scan-zonder-tekst.pdf");
      expect(await page.locator("#skipped tbody").textContent()).toContain("PDF has no text layer");

      // Feedback: both 👎 (web and Teams) counted, the chart drawn by Chart.js from /vendor.
      expect(await page.locator("#summary").textContent()).toContain("Duim omlaag2");
      const intents = await page.locator("#intents tbody").textContent();
      expect(intents).toContain("overzicht");
      expect(await page.locator("#downvotes tbody tr").count()).toBe(2);
      expect(await page.locator("#downvotes tbody").textContent()).toContain("Teams");
      // Which document section a 👎 answer was based on: where HR would fix it.
      expect(await page.locator("#downvotes tbody").textContent()).toContain("Servicedesk medewerker ICT › Schaal › Niveau C1");
      const drawn = await page.evaluate(() => {
        const canvas = document.getElementById("feedback-chart") as HTMLCanvasElement;
        const chart = (
          window as unknown as { Chart: { getChart: (c: HTMLCanvasElement) => { data: { datasets: { data: number[] }[] } } | undefined } }
        ).Chart.getChart(canvas);
        return { width: canvas.width, down: chart?.data.datasets[1]?.data.reduce((a, b) => a + b, 0) };
      });
      expect(drawn.width).toBeGreaterThan(100);
      expect(drawn.down).toBe(2);
      await page.selectOption("#intent-filter", "catalogue");
      expect(
        await page.evaluate(() =>
          (window as any).Chart.getChart(document.getElementById("feedback-chart")).data.datasets[1].data.reduce((a: number, b: number) => a + b, 0),
        ),
      ).toBe(1);

      // Refused questions, grouped.
      const groups = page.locator("#unanswered tbody tr");
      expect(await groups.count()).toBe(2);
      expect(await groups.first().textContent()).toContain("wat verdien je in schaal 8");
      expect(await groups.first().locator("td.num").textContent()).toBe("2");

      expect(await noSidewaysScroll(page)).toBe(true);
      await screenshot(page, `insights-${name}`);
      await page.screenshot({ path: `test-output/insights-${name}-full.png`, fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // Reindex with progress, then the summary.
      await page.click("#reindex");
      await expect.poll(() => page.locator("#reindex-status").textContent()).toContain("Bezig met indexeren");
      expect(await page.locator("#reindex-progress").isVisible()).toBe(true);
      await expect.poll(() => page.locator("#reindex-status").textContent(), { timeout: 10_000 }).toContain("Klaar");
      expect(await page.locator("#reindex-status").textContent()).toContain("2 documenten");
      expect(await page.locator("#reindex").isDisabled()).toBe(false);

      await page.click("#logout");
      await page.locator("#signin").waitFor();
      await page.reload();
      await page.locator("#signin").waitFor();
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await page.close();
    });
  }
});
