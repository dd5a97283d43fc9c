import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium (installed by .ci/run); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}

export const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync("test-output", { recursive: true });
  await page.screenshot({ path: `test-output/${name}.png` });
}

/** True when the page cannot be scrolled sideways. */
export function noSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** True when the element lies wholly inside the viewport and is the topmost element at its centre. */
export function fullyInView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const node = document.querySelector(sel);
    if (!node) return false;
    const box = node.getBoundingClientRect();
    const inside = box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth && box.width > 0;
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return inside && (top === node || node.contains(top));
  }, selector);
}

/** True when the header's title is not clipped and no header control overlaps it. */
export function headerFits(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const title = document.querySelector("header h1") as HTMLElement;
    const t = title.getBoundingClientRect();
    const textWidth = (() => {
      const range = document.createRange();
      range.selectNodeContents(title);
      return range.getBoundingClientRect().right;
    })();
    const overlaps = Array.from(document.querySelectorAll("header button")).some((button) => {
      const b = button.getBoundingClientRect();
      return b.left < textWidth && b.right > t.left && b.top < t.bottom && b.bottom > t.top;
    });
    return !overlaps && textWidth <= window.innerWidth;
  });
}
