import { parseHTML } from "linkedom";
import { promoteBoldParagraphs } from "./boldHeadings.js";
import { firstLine, UnreadableDocumentError } from "./errors.js";
import { htmlToMarkdown } from "./htmlToMarkdown.js";

/**
 * The main content of a saved web page (a vacancy or job page) without its
 * navigation, cookie banner, header, footer, forms and side panels.
 *
 * A selector-based cleanup rather than @mozilla/readability: Readability scores
 * prose the way a news article has it, and tried on the job page in
 * test/ingest/htmlPage.test.ts it took the h1 (the role's name) out of the
 * content and kept the "share this vacancy" block. Job pages are built with the
 * semantic elements and ARIA roles below, and cookie banners name themselves in
 * their class or id, which is enough to find the content without scoring it.
 */

/** Never content, wherever it is. */
const ALWAYS_NOISE = [
  "head",
  "title",
  "meta",
  "link",
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "dialog",
  "nav",
  "aside",
  "[hidden]",
  "[aria-hidden='true']",
  "[role='navigation']",
  "[role='search']",
  "[role='dialog']",
  "[role='alertdialog']",
  "[role='complementary']",
  "[role='menu']",
  "[role='menubar']",
].join(", ");
/** The site's own banner and footer: noise around the main content, but an article's own header holds its title. */
const PAGE_CHROME = "header, footer, [role='banner'], [role='contentinfo']";
/** Class or id words of banners, pop-ups and link blocks (compared per word, so "cookie-notice" and "cookieBar" both match). */
const NOISE_WORDS = /^(?:cookie\w*|consent|gdpr|breadcrumbs?|skiplinks?|share|sharing|social|newsletter|popup|modal|navbar|menu|sidebar|footer|banner)$/i;

function isNoiseByName(element: Element): boolean {
  const names = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
  if (!names.trim()) return false;
  return names.split(/[\s_-]+/).some((word) => NOISE_WORDS.test(word));
}

function textLength(element: Element): number {
  return (element.textContent ?? "").replace(/\s+/g, " ").trim().length;
}

/** The page's main content element: <main>, role=main, or the longest <article>; else the body. */
function mainContent(body: Element): { root: Element; marked: boolean } {
  const main = body.querySelector("main, [role='main']");
  if (main) return { root: main, marked: true };
  const articles = Array.from(body.querySelectorAll("article"));
  const longest = articles.sort((a, b) => textLength(b) - textLength(a))[0];
  return longest ? { root: longest, marked: true } : { root: body, marked: false };
}

function clean(text: string | null | undefined): string | undefined {
  const value = (text ?? "").replace(/\s+/g, " ").trim();
  return value && value.length <= 200 ? value : undefined;
}

export function readWebPage(html: string): { markdown: string; title?: string } {
  // linkedom builds no <html>/<body> around a fragment (an exported snippet, a bare text): give it one.
  const { document } = parseHTML(/<body[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const body = document.body;
  const metaTitle = clean(document.querySelector("meta[property='og:title']")?.getAttribute("content")) ?? clean(document.querySelector("title")?.textContent);
  for (const element of Array.from(body.querySelectorAll(ALWAYS_NOISE))) element.remove();
  const { root, marked } = mainContent(body);
  // Outside a marked main element, headers and footers are the site's; inside it, only footers are dropped.
  for (const element of Array.from(root.querySelectorAll(marked ? "footer, [role='contentinfo']" : PAGE_CHROME))) element.remove();
  for (const element of Array.from(root.querySelectorAll("[class], [id]"))) if (element.isConnected && isNoiseByName(element)) element.remove();
  const h1 = clean(root.querySelector("h1")?.textContent);
  promoteBoldParagraphs(root);
  return { markdown: htmlToMarkdown(root.innerHTML), title: h1 ?? metaTitle };
}

/** A web page's text as Markdown with its title, or an UnreadableDocumentError naming the file. */
export function loadWebPage(file: string, html: string): { text: string; title?: string } {
  let page: ReturnType<typeof readWebPage>;
  try {
    page = readWebPage(html);
  } catch (error) {
    throw new UnreadableDocumentError(file, `unreadable HTML (${firstLine(error)})`);
  }
  return page.title ? { text: page.markdown, title: page.title } : { text: page.markdown };
}
