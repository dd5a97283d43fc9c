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

/** A short bold line, not a sentence and not a "Label: value" pair; a trailing colon marks a label. */
function headingText(paragraph: Element): { text: string; label: boolean } | undefined {
  if (paragraph.closest("table, li, blockquote")) return undefined;
  const text = (paragraph.textContent ?? "").replace(/\s+/g, " ").trim();
  if (!text || text.length > MAX_HEADING_CHARS || /[.,;!?]$/.test(text)) return undefined;
  const colon = text.indexOf(":");
  if (colon >= 0 && colon < text.length - 1) return undefined;
  if (!/\p{L}/u.test(text) || !allBold(paragraph)) return undefined;
  return { text: text.replace(/:$/, "").trim(), label: text.endsWith(":") };
}

/** The paragraph right after a bold label, when it is a short value (one line, not itself a label or heading). */
function shortValueAfter(label: Element): Element | undefined {
  const next = label.nextElementSibling;
  if (next?.nodeName !== "P") return undefined;
  const text = (next.textContent ?? "").replace(/\s+/g, " ").trim();
  if (!text || text.length > MAX_HEADING_CHARS || text.includes(":") || allBold(next)) return undefined;
  return next;
}

export function promoteBoldParagraphs(root: Element): void {
  const document = root.ownerDocument;
  let styledLevel: number | undefined;
  let seenContent = false;
  for (const element of Array.from(root.querySelectorAll("h1, h2, h3, h4, h5, h6, p"))) {
    const styled = /^H([1-6])$/.exec(element.nodeName);
    if (styled) {
      styledLevel = Number(styled[1]);
      seenContent = true;
      continue;
    }
    const heading = headingText(element);
    const value = heading?.label ? shortValueAfter(element) : undefined;
    if (heading && value) {
      // "Functie:" in bold with "Jurist" under it is the label line "Functie: Jurist", not a section.
      const line = document.createElement("p");
      line.textContent = `${heading.text}: ${value.textContent!.replace(/\s+/g, " ").trim()}`;
      element.replaceWith(line);
      value.remove();
    } else if (heading) {
      // The very first line of an unstyled document is its title, unless it is a label ("Functie:").
      const level = !seenContent && styledLevel === undefined && !heading.label ? 1 : Math.min((styledLevel ?? 1) + 1, 6);
      const replacement = document.createElement(`h${level}`);
      replacement.textContent = heading.text;
      element.replaceWith(replacement);
    }
    if ((element.textContent ?? "").trim()) seenContent = true;
  }
}
