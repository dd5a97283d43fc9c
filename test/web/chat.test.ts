import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { listen, type Listening } from "../support/http.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";
import { seriousViolations } from "./support/axe.js";
import { fullyInView, headerFits, launchChromium, noSidewaysScroll, screenshot, VIEWPORTS } from "./support/browser.js";
import { QUOTE, ScriptedAssistant } from "./support/scriptedAssistant.js";

describe("web chat layout, citations and safety in headless Chromium", () => {
  let server: Listening;
  let browser: Browser;
  const assistant = new ScriptedAssistant();
  const requests: string[] = [];

  beforeAll(async () => {
    const config = loadConfig({ KNOWLEDGE_DIR: assistant.knowledgeDir });
    server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback() }));
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(width: number, height: number, scheme: "light" | "dark" = "light"): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ locale: "nl-NL", viewport: { width, height }, colorScheme: scheme });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(server.url);
    return { page, errors };
  }

  async function ask(page: Page, question: string): Promise<void> {
    const before = await page.locator("li.msg.bot .answer").count();
    await page.fill("#question", question);
    await page.press("#question", "Enter");
    await expect.poll(() => page.locator("li.msg.bot .answer").count(), { timeout: 10_000 }).toBe(before + 1);
  }

  it("offers the interview kit under an interview answer and saves the .docx the API returns", async () => {
    const { page, errors } = await open(1280, 800);
    await ask(page, "Geef toetsvragen voor rapportage");
    const button = page.locator("li.msg.bot").last().locator("button.download");
    expect(await button.count()).toBe(1);
    expect(await button.textContent()).toContain("Service level manager ICT");
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toBe("interviewkit-service-level-manager-ict.docx");
    expect(readFileSync(await download.path()).equals(ScriptedAssistant.KIT_BYTES)).toBe(true);
    expect(assistant.kitRequests.at(-1)).toEqual({ role: "Service level manager ICT", language: "nl" });
    // Other answers offer no kit.
    await ask(page, "Geef een lange lijst taken");
    expect(await page.locator("li.msg.bot").last().locator("button.download").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  for (const { name, width, height } of VIEWPORTS) {
    it(`${name} ${width}×${height}: long answer, docked input, merged chips, [n] markers, full section, expansion, axe`, async () => {
      const { page, errors } = await open(width, height);
      await ask(page, "Geef een lange lijst taken");
      const answer = page.locator("li.msg.bot").last();

      // The question box stays docked and visible after a long answer; nothing scrolls sideways.
      expect(await page.evaluate(() => document.querySelector("main")!.scrollHeight > window.innerHeight)).toBe(true);
      expect(await fullyInView(page, "#question")).toBe(true);
      expect(await fullyInView(page, "#send")).toBe(true);
      expect(await noSidewaysScroll(page)).toBe(true);
      expect(await fullyInView(page, "#reset")).toBe(true);
      expect(await headerFits(page)).toBe(true);
      // The answer card uses the width (no empty band on the right on a phone).
      const card = (await answer.boundingBox())!;
      expect(card.width).toBeGreaterThan(width > 800 ? 700 : width - 40);

      // Three citations, two of them the same document section: two chips, titled.
      const chips = answer.locator(".chip");
      expect(await chips.count()).toBe(2);
      expect(await chips.first().textContent()).toBe("[1, 2]Service level manager ICT — Taken › Rapportage");
      expect(await chips.nth(1).textContent()).toContain("Servicedesk medewerker ICT");

      // [n] markers are links; [3] highlights (and focuses) the servicedesk chip.
      expect(await answer.locator("a.cite").count()).toBe(42);
      await answer.locator('a.cite[data-cite="3"]').last().click();
      expect(await chips.nth(1).getAttribute("class")).toContain("highlight");
      expect(await chips.first().getAttribute("class")).not.toContain("highlight");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Servicedesk medewerker ICT");

      // "…en 12 meer" expands in place.
      const items = await answer.locator(".markdown li").count();
      const more = answer.locator("button.more");
      expect(await more.textContent()).toBe("…en 12 meer");
      await more.click();
      expect(await answer.locator("button.more").count()).toBe(0);
      expect(await answer.locator(".markdown li").count()).toBe(items - 1 + 12);
      expect(await answer.locator(".markdown li").last().textContent()).toBe("Extra taak 52");

      await screenshot(page, `chat-${name}`);
      expect(await seriousViolations(page)).toEqual([]);

      // A chip opens the dialog: document title, system, section path, the whole section with the quote marked.
      await chips.first().click();
      const dialog = page.locator("#source");
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await page.locator("#source-title").textContent()).toBe("Service level manager ICT");
      expect(await page.locator("#source-meta").textContent()).toContain("UFO");
      expect(await page.locator("#source-section").textContent()).toBe("Taken › Rapportage");
      await expect.poll(() => page.locator("#source-text").textContent()).toContain("Afsluitende zin die alleen in de volledige sectie staat.");
      expect(await page.locator("#source-text mark").textContent()).toBe(QUOTE);
      const href = (await page.locator("#source-open").getAttribute("href"))!;
      expect(href).toBe("/api/document?source=sla-manager.md");
      const served = await page.request.get(`${server.url}${href}`);
      expect(served.headers()["content-type"]).toBe("text/plain; charset=utf-8");
      expect(await served.text()).toContain("Afsluitende zin");
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await screenshot(page, `chat-${name}-source`);
      expect(await seriousViolations(page)).toEqual([]);

      // Escape closes it and gives focus back to the chip.
      await page.keyboard.press("Escape");
      await expect.poll(() => dialog.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.classList.contains("chip"))).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("fits a 320 px screen: header, buttons and input without sideways scrolling, also in dark mode", async () => {
    const { page } = await open(320, 640, "dark");
    await ask(page, "Geef een lange lijst taken");
    expect(await noSidewaysScroll(page)).toBe(true);
    for (const selector of ["#reset", "#lang", "#question", "#send"]) expect(await fullyInView(page, selector)).toBe(true);
    expect(await headerFits(page)).toBe(true);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(17, 22, 27)");
    await screenshot(page, "chat-320-dark");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("works from the keyboard alone: Shift+Enter adds a line, Enter sends, Tab reaches a chip with a visible focus ring", async () => {
    const { page } = await open(1280, 800);
    await page.focus("#question");
    await page.keyboard.type("eerste regel");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("tweede regel");
    expect(await page.inputValue("#question")).toBe("eerste regel\ntweede regel");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("li.msg.bot .answer").count()).toBe(1);
    expect(await page.locator("li.msg.user").textContent()).toBe("eerste regel\ntweede regel");
    // An answer without [n] markers renders as before: no marker links, chips still there.
    expect(await page.locator("a.cite").count()).toBe(0);
    expect(await page.locator(".markdown").last().textContent()).toContain("Zonder markers");
    expect(await page.locator(".chip").count()).toBe(2);

    let onChip = false;
    for (let i = 0; i < 20 && !onChip; i++) {
      await page.keyboard.press("Tab");
      onChip = await page.evaluate(() => document.activeElement?.classList.contains("chip") ?? false);
    }
    expect(onChip).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe("solid");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#source").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("#source").isVisible()).toBe(false);
    await page.close();
  });

  it("expands a cut-short list in the middle of a sentence without losing the rest of the sentence", async () => {
    const { page } = await open(390, 844);
    await ask(page, "inline lijst");
    const answer = page.locator("li.msg.bot").last();
    const more = answer.locator("p button.more");
    expect(await more.textContent()).toBe("…en 3 meer");
    expect(await more.getAttribute("aria-expanded")).toBe("false");
    expect(await answer.locator(".markdown p").first().textContent()).toBe("Competenties: Analyseren, Samenwerken …en 3 meer. Meer weten? Vraag het 1.");
    await more.click();
    expect(await answer.locator("button.more").count()).toBe(0);
    expect(await answer.locator(".markdown p").first().textContent()).toBe("Competenties: Analyseren, Samenwerken . Meer weten? Vraag het 1.");
    expect(await answer.locator(".markdown ul li").allTextContents()).toEqual(["Onderhandelen", "Klantgerichtheid", "Plannen"]);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Onderhandelen");
    await page.close();
  });

  it("renders a phishing form in an answer or a cited document as nothing: no form, password field, iframe, style, base or remote image", async () => {
    const { page } = await open(1280, 800);
    const response = await page.reload();
    const csp = response!.headers()["content-security-policy"]!;
    expect(csp).toContain("form-action 'none'");
    expect(csp).toContain("base-uri 'none'");
    requests.length = 0;
    await ask(page, "phishing");
    const answer = page.locator("li.msg.bot").last();
    expect(await answer.textContent()).toContain("Log opnieuw in");
    expect(await page.locator("form").count()).toBe(1); // the chat's own question form only
    expect(await page.locator('input[type="password"], iframe, base, style, img').count()).toBe(0);
    expect(await answer.locator(".markdown button, .markdown input").count()).toBe(0);
    expect(await answer.locator("a[href^='javascript']").count()).toBe(0);
    expect(await answer.locator("a[href='https://example.org/']").count()).toBe(1);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe("flex");
    // The same markup inside a cited document section shows as text in the dialog.
    await answer.locator(".chip").click();
    await expect.poll(() => page.locator("#source-text").textContent()).toContain('<input type="password"');
    expect(await page.locator("form").count()).toBe(1);
    expect(await page.locator('input[type="password"], iframe, base, style, img').count()).toBe(0);
    expect(requests.filter((url) => url.includes("evil.example"))).toEqual([]);
    await page.close();
  });

  it("shows the model's unverified text only as a labelled draft, then replaces it by the verified answer", async () => {
    const { page } = await open(390, 844);
    await page.fill("#question", "concept graag");
    await page.press("#question", "Enter");
    const draft = page.locator("li.msg.draft");
    await draft.waitFor({ timeout: 5_000 });
    expect(await draft.locator(".draft-label").textContent()).toBe("Concept — wordt gecontroleerd");
    expect(await draft.textContent()).toContain("schaal 99");
    expect(await draft.locator(".chip, .vote").count()).toBe(0);
    await screenshot(page, "chat-phone-draft");
    await page.locator("li.msg.bot .answer").waitFor({ timeout: 5_000 });
    expect(await page.locator("li.msg.draft").count()).toBe(0);
    const text = await page.locator("#log").textContent();
    expect(text).not.toContain("schaal 99");
    expect(text).toContain("niveau C1");
    expect(await page.locator(".answer .badge").textContent()).toBe("gegenereerd uit de bronnen en gecontroleerd");
    await page.close();
  });

  it("serves a favicon", async () => {
    const response = await fetch(`${server.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("image/svg+xml");
    expect(await response.text()).toContain("<svg");
  });
});
