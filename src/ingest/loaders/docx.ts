import mammoth from "mammoth";
import { parseHTML } from "linkedom";
import { promoteBoldParagraphs } from "./boldHeadings.js";
import { inspectDocx } from "./docxArchive.js";
import { firstLine, UnreadableDocumentError } from "./errors.js";
import { htmlToMarkdown } from "./htmlToMarkdown.js";

/** Word's title styles (and their Dutch names) are headings too; mammoth maps only "Heading n" by default. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titel'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Ondertitel'] => h2:fresh",
  "p[style-name='Kop 1'] => h1:fresh",
  "p[style-name='Kop 2'] => h2:fresh",
  "p[style-name='Kop 3'] => h3:fresh",
];

/** Images carry no text for the index: they are never inflated. */
const dropImage = mammoth.images.imgElement(async () => ({ src: "" }));

/**
 * Word documents: the archive is checked for zip bombs, then mammoth turns
 * styles into headings and lists and tables into HTML tables, bold one-line
 * paragraphs become headings, and the whole becomes Markdown with pipe tables.
 */
export async function loadDocx(file: string, bytes: Buffer, maxChars: number): Promise<{ text: string; title?: string }> {
  if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw new UnreadableDocumentError(file, "not a Word .docx file (not a zip archive)");
  const { title } = await inspectDocx(file, bytes);
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP, convertImage: dropImage }));
  } catch (error) {
    throw new UnreadableDocumentError(file, `corrupt Word document (${firstLine(error)})`);
  }
  // HTML is several times the text; past this the Markdown would be refused anyway, after much more work.
  if (html.length > maxChars * 4) throw new UnreadableDocumentError(file, `too much text (${(html.length / 1024 / 1024).toFixed(1)} MB of HTML)`);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  promoteBoldParagraphs(document.body);
  const text = htmlToMarkdown(document.body.innerHTML);
  return title ? { text, title } : { text };
}
