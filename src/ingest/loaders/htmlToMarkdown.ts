import TurndownService from "turndown";
import { cellText, tableToMarkdown } from "./markdownTable.js";

/**
 * HTML (from a web page, or from Word via mammoth) to Markdown, so headings,
 * lists and tables survive as structure the parser understands. The result is
 * text for an index: emphasis, links and images are reduced to their words, and
 * no HTML from the source passes through (a table Markdown cannot express is
 * flattened to its text, never kept as HTML).
 */
const turndown = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", emDelimiter: "_", codeBlockStyle: "fenced" });
turndown.remove(["script", "style", "noscript", "iframe", "object", "embed", "head", "template", "canvas", "form", "button", "select", "textarea", "input"]);
turndown.remove((node) => node.nodeName.toLowerCase() === "svg");
turndown.addRule("table", {
  filter: "table",
  replacement: (content, node) => {
    const markdown = tableToMarkdown(node as unknown as Parameters<typeof tableToMarkdown>[0]);
    return `\n\n${markdown ?? content}\n\n`;
  },
});
// Only used when a table is layout (see tableToMarkdown): its cells read as paragraphs.
turndown.addRule("tableCell", { filter: ["th", "td"], replacement: (content) => `\n\n${content}\n\n` });
turndown.addRule("tableRow", { filter: "tr", replacement: (content) => `\n${content}\n` });
turndown.addRule("image", { filter: "img", replacement: () => "" });
// A definition list is how job pages state their facts ("Standplaats", "Uren"): one "Label: value" line per term.
turndown.addRule("definitionList", {
  filter: "dl",
  replacement: (content, node) => {
    const lines = definitionLines(node as unknown as Parameters<typeof cellText>[0]);
    return `\n\n${lines.length ? lines.join("\n") : content}\n\n`;
  },
});
// "**Afdeling:** Publiekszaken" must read as the label line it is; a link's target is not the document's text.
turndown.addRule("plainInline", {
  filter: ["strong", "b", "em", "i", "u", "a", "code", "span", "mark", "small", "sup", "sub"],
  replacement: (content) => content,
});

export function htmlToMarkdown(html: string): string {
  // turndown escapes Markdown characters that were literal in the source text; the parser wants the text as written.
  // One escape stays: "\](" keeps a document's "[text](javascript:…)" from becoming a live link.
  const markdown = turndown
    .turndown(html)
    .replace(/\\([-*_#.[()>+`])/g, "$1")
    .replace(/\\](?!\()/g, "]");
  // Line by line, so no pattern runs over a hostile stretch of whitespace more than once.
  return markdown
    .split("\n")
    .map((line) => line.replace(/^( *)([-*]|\d+\.) {2,}/, "$1$2 ").trimEnd()) // turndown pads list markers to four columns
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function definitionLines(list: Parameters<typeof cellText>[0]): string[] {
  const lines: string[] = [];
  let term = "";
  const visit = (node: Parameters<typeof cellText>[0]) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeName === "DT") term = cellText(child).replace(/:$/, "");
      else if (child.nodeName === "DD") {
        const value = cellText(child);
        if (value) lines.push(term ? `${term}: ${value}` : value);
      } else if (child.nodeName === "DIV") visit(child); // HTML allows <div> groups of <dt>/<dd>
    }
  };
  visit(list);
  return lines;
}
