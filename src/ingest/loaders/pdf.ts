import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { firstLine, UnreadableDocumentError } from "./errors.js";
import { checkPdfDecodedSize } from "./pdfStreams.js";
import { linesToMarkdown, pageLines, withoutPageFurniture, type PdfItem, type PdfPage } from "./pdfLayout.js";

/** A profile or competency dictionary is tens of pages; thousands is an export gone wrong. */
export const MAX_PDF_PAGES = 500;

/** All streams together, inflated (see pdfStreams.ts); PDF_MAX_DECODED_MB sets it for the server and CLI. */
const DEFAULT_MAX_DECODED_BYTES = 256 * 1024 * 1024;

const BOLD_FONT = /bold|black|heavy|semibold|demi/i;

/** What the Info dictionary calls the document, minus the "Microsoft Word - x.docx" that exporters put there. */
export function pdfTitle(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const title = raw
    .replace(/^microsoft (word|powerpoint|excel) - /i, "")
    .replace(/\.(docx?|rtf|odt|pdf)$/i, "")
    .replace(/\s+/g, " ")
    .trim();
  return title && title.length <= 200 && !/^(untitled|naamloos|document\d*|titel)$/i.test(title) ? title : undefined;
}

async function readPage(doc: pdfjs.PDFDocumentProxy, number: number): Promise<PdfPage> {
  const page = await doc.getPage(number);
  try {
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    // Font names (and so weight) reach the main thread with the page's operator list; a page without text
    // (a scan) is not worth decoding its images for.
    if (content.items.some((item) => "str" in item && item.str.trim() !== "")) await page.getOperatorList();
    const fontNames = new Map<string, string>();
    const fontName = (id: string) => {
      if (!fontNames.has(id)) {
        let name = "";
        try {
          name = String((page.commonObjs.get(id) as { name?: string } | undefined)?.name ?? "");
        } catch {
          // Not every font object is available to the main thread; weight is then unknown.
        }
        fontNames.set(id, name);
      }
      return fontNames.get(id)!;
    };
    const items: PdfItem[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const { str, transform, width, fontName: id } = item as TextItem;
      const [, , c, d, e, f] = transform as number[];
      items.push({ text: str, x: e! - x0, y: f! - y0, width, size: Math.hypot(c!, d!) || 1, bold: BOLD_FONT.test(fontName(id)) });
    }
    return { width: x1 - x0, height: y1 - y0, items };
  } finally {
    page.cleanup();
  }
}

/** PDF text through pdf.js, with its layout rebuilt as Markdown (see pdfLayout.ts). */
export async function loadPdf(
  file: string,
  bytes: Buffer,
  maxChars: number,
  maxDecodedBytes = DEFAULT_MAX_DECODED_BYTES,
): Promise<{ text: string; title?: string }> {
  if (!bytes.subarray(0, 1024).toString("latin1").includes("%PDF-")) throw new UnreadableDocumentError(file, "not a PDF file (no %PDF header)");
  await checkPdfDecodedSize(file, bytes, maxDecodedBytes);
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    if (doc.numPages > MAX_PDF_PAGES) throw new UnreadableDocumentError(file, `too many pages (${doc.numPages}; at most ${MAX_PDF_PAGES})`);
    const { info } = await doc.getMetadata().catch(() => ({ info: undefined }));
    const title = pdfTitle((info as { Title?: unknown } | undefined)?.Title);
    const pages = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await readPage(doc, n);
      // Stop at the text cap while reading, not after laying out pages that will be refused anyway.
      chars += page.items.reduce((sum, item) => sum + item.text.length, 0);
      if (chars > maxChars) throw new UnreadableDocumentError(file, `too much text (more than ${(maxChars / 1024 / 1024).toFixed(1)} MB by page ${n})`);
      pages.push(pageLines(page, n - 1));
    }
    const text = linesToMarkdown(withoutPageFurniture(pages));
    if (!text) throw new UnreadableDocumentError(file, "PDF has no text layer (scanned image?)");
    return title ? { text, title } : { text };
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    throw new UnreadableDocumentError(file, `corrupt PDF (${firstLine(error)})`);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
