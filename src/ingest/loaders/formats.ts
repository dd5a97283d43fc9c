import { firstLine, UnreadableDocumentError } from "./errors.js";
import { decodeText } from "./text.js";

/** Text a loader made of a file: GitHub-flavoured Markdown, and the file's own title when it has one. */
export type Converted = { text: string; title?: string };

/** The Teams citation icon a format is shown with (a subset of Teams' ClientCitationIconName). */
export type CitationIcon = "Text" | "PDF" | "Microsoft Word" | "Microsoft Excel" | "Source Code";

/**
 * One document format: its file endings, its loader, how the original is
 * served when a citation is opened (never as something a browser would run),
 * and its citation icon. Add a format: one entry here.
 */
export type FormatEntry = {
  id: string;
  extensions: readonly string[];
  contentType: string;
  icon: CitationIcon;
  /** Heavy libraries load on first use: a server that never ingests a format does not carry its library. */
  load(file: string, bytes: Buffer, maxChars: number): Promise<Converted>;
};

const PLAIN = "text/plain; charset=utf-8";

export const FORMAT_REGISTRY = [
  { id: "txt", extensions: [".txt", ".text"], contentType: PLAIN, icon: "Text", load: async (file, bytes) => ({ text: decodeText(file, bytes) }) },
  { id: "md", extensions: [".md", ".markdown"], contentType: PLAIN, icon: "Text", load: async (file, bytes) => ({ text: decodeText(file, bytes) }) },
  {
    id: "docx",
    extensions: [".docx"],
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    icon: "Microsoft Word",
    load: async (file, bytes, maxChars) => (await import("./docx.js")).loadDocx(file, bytes, maxChars),
  },
  {
    id: "pdf",
    extensions: [".pdf"],
    contentType: "application/pdf",
    icon: "PDF",
    load: async (file, bytes, maxChars) => (await import("./pdf.js")).loadPdf(file, bytes, maxChars),
  },
  {
    id: "html",
    extensions: [".html", ".htm"],
    // HTML documents are shown as their source text: their markup and scripts never run.
    contentType: PLAIN,
    icon: "Text",
    load: async (file, bytes) => {
      const html = decodeText(file, bytes);
      const { readWebPage } = await import("./webPage.js");
      try {
        const page = readWebPage(html);
        return page.title ? { text: page.markdown, title: page.title } : { text: page.markdown };
      } catch (error) {
        throw new UnreadableDocumentError(file, `unreadable HTML (${firstLine(error)})`);
      }
    },
  },
  {
    id: "csv",
    extensions: [".csv"],
    contentType: "text/csv; charset=utf-8",
    icon: "Microsoft Excel",
    load: async (file, bytes) => (await import("./csv.js")).loadCsv(file, bytes),
  },
  {
    id: "xlsx",
    extensions: [".xlsx"],
    // Served as a download: a browser never renders it.
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon: "Microsoft Excel",
    load: async (file, bytes, maxChars) => (await import("./xlsx.js")).loadXlsx(file, bytes, maxChars),
  },
] as const satisfies readonly FormatEntry[];

export type DocumentFormat = (typeof FORMAT_REGISTRY)[number]["id"];

const byExtension = new Map<string, FormatEntry & { id: DocumentFormat }>(
  FORMAT_REGISTRY.flatMap((entry) => entry.extensions.map((ext) => [ext, entry] as const)),
);

/** The format of a file ending (".pdf", with the dot, any case), or undefined when it is not a supported one. */
export function formatEntry(extension: string): (FormatEntry & { id: DocumentFormat }) | undefined {
  return byExtension.get(extension.toLowerCase());
}

export const SUPPORTED_EXTENSIONS: readonly string[] = [...byExtension.keys()];
