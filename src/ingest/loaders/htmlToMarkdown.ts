import TurndownService from "turndown";

/**
 * HTML (from a web export, or from Word via mammoth) to Markdown, so headings
 * and lists survive as structure the parser understands.
 */
const turndown = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", emDelimiter: "_", codeBlockStyle: "fenced" });
turndown.remove(["script", "style", "noscript", "iframe", "object", "head"]);
// Table cells become tab-separated lines: the tabbed-layout parser reads those.
turndown.addRule("tableCell", { filter: ["th", "td"], replacement: (content) => `${content.replace(/\s+/g, " ").trim()}\t` });
turndown.addRule("tableRow", { filter: "tr", replacement: (content) => `${content.replace(/\t$/, "")}\n` });
turndown.addRule("image", { filter: "img", replacement: () => "" });

export function htmlToMarkdown(html: string): string {
  return turndown
    .turndown(html)
    .replace(/\\([-*_#.[\]()>+`])/g, "$1") // turndown escapes Markdown characters that were literal in the source text
    .replace(/^(\s*)([-*]|\d+\.)\s{2,}/gm, "$1$2 ") // turndown pads list markers to four columns
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
