/**
 * Many Word profiles and web pages mark their section titles by making a short
 * paragraph bold instead of using a heading style. Such a paragraph becomes a
 * heading one level below the last styled heading, so the parser sees the
 * section it opens.
 */

const MAX_HEADING_CHARS = 80;
const EMPHASIS = new Set(["STRONG", "B"]);

/** True when every visible character of the paragraph sits inside bold markup. */
function allBold(paragraph: Element): boolean {
  let bold = false;
  const walk = (node: Node, inBold: boolean): boolean => {
    if (node.nodeType === 3) {
      if (!(node.textContent ?? "").trim()) return true;
      bold ||= inBold;
      return inBold;
    }
    if (node.nodeType !== 1) return true;
    const boldHere = inBold || EMPHASIS.has(node.nodeName);
    return Array.from(node.childNodes).every((child) => walk(child, boldHere));
  };
  return walk(paragraph, false) && bold;
}

/** A short bold line, not a sentence and not a "Label: value" pair. */
function headingText(paragraph: Element): string | undefined {
  if (paragraph.closest("table, li, blockquote")) return undefined;
  const text = (paragraph.textContent ?? "").replace(/\s+/g, " ").trim();
  if (!text || text.length > MAX_HEADING_CHARS || /[.,;!?]$/.test(text)) return undefined;
  const colon = text.indexOf(":");
  if (colon >= 0 && colon < text.length - 1) return undefined;
  if (!/\p{L}/u.test(text) || !allBold(paragraph)) return undefined;
  return text.replace(/:$/, "").trim();
}

export function promoteBoldParagraphs(root: Element): void {
  const document = root.ownerDocument;
  let styledLevel: number | undefined;
  let seenContent = false;
  for (const element of Array.from(root.querySelectorAll("h1, h2, h3, h4, h5, h6, p"))) {
    const heading = /^H([1-6])$/.exec(element.nodeName);
    if (heading) {
      styledLevel = Number(heading[1]);
      seenContent = true;
      continue;
    }
    const text = headingText(element);
    if (text) {
      // The very first line of an unstyled document is its title.
      const level = !seenContent && styledLevel === undefined ? 1 : Math.min((styledLevel ?? 1) + 1, 6);
      const replacement = document.createElement(`h${level}`);
      replacement.textContent = text;
      element.replaceWith(replacement);
    }
    if ((element.textContent ?? "").trim()) seenContent = true;
  }
}
