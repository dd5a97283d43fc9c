import { decodeText } from "./loaders/text.js";

/** The text a loader makes of a file: Markdown for Word, PDF and HTML; the document's own title property when it has one. */
export type Converted = { text: string; title?: string };
/** Limits a loader applies inside its format (PDF: all streams together, inflated). */
export type LoaderLimits = { maxDecodedBytes?: number };
export type Loader = (file: string, bytes: Buffer, maxChars: number, limits?: LoaderLimits) => Promise<Converted>;

/**
 * One document format: how a file of it is read, how it is served back to a browser (never as something the
 * browser would run), and the icon a Teams citation shows for it. Add a format: one entry here and its loader
 * under loaders/. Loaders of the heavier libraries (Word, PDF, HTML) load on first use, so a server that never
 * reads such a file does not carry them.
 */
export type DocumentFormatEntry = {
  id: string;
  extensions: readonly string[];
  contentType: string;
  /** A Teams citation icon name (ClientCitationIconName), kept as a string so this layer knows no chat SDK. */
  citationIcon: "PDF" | "Microsoft Word" | "Microsoft Excel" | "Text" | "Source Code";
  load: Loader;
};

const PLAIN = "text/plain; charset=utf-8";

export const FORMATS = [
  { id: "txt", extensions: [".txt", ".text"], contentType: PLAIN, citationIcon: "Text", load: async (file, bytes) => ({ text: decodeText(file, bytes) }) },
  { id: "md", extensions: [".md", ".markdown"], contentType: PLAIN, citationIcon: "Text", load: async (file, bytes) => ({ text: decodeText(file, bytes) }) },
  {
    id: "docx",
    extensions: [".docx"],
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    citationIcon: "Microsoft Word",
    load: async (file, bytes, maxChars) => (await import("./loaders/docx.js")).loadDocx(file, bytes, maxChars),
  },
  {
    id: "pdf",
    extensions: [".pdf"],
    contentType: "application/pdf",
    citationIcon: "PDF",
    load: async (file, bytes, maxChars, limits) => (await import("./loaders/pdf.js")).loadPdf(file, bytes, maxChars, limits?.maxDecodedBytes),
  },
  {
    // HTML documents are served as their source text: their markup and scripts never run.
    id: "html",
    extensions: [".html", ".htm"],
    contentType: PLAIN,
    citationIcon: "Text",
    load: async (file, bytes) => (await import("./loaders/webPage.js")).loadWebPage(file, decodeText(file, bytes)),
  },
  // Spreadsheets (salary tables, lists): rows as Markdown pipe tables and lines.
  {
    id: "csv",
    extensions: [".csv"],
    contentType: "text/csv; charset=utf-8",
    citationIcon: "Microsoft Excel",
    load: async (file, bytes) => (await import("./loaders/csv.js")).loadCsv(file, bytes),
  },
  {
    // Served as a download: a browser never renders it.
    id: "xlsx",
    extensions: [".xlsx"],
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    citationIcon: "Microsoft Excel",
    load: async (file, bytes, maxChars) => (await import("./loaders/xlsx.js")).loadXlsx(file, bytes, maxChars),
  },
] as const satisfies readonly DocumentFormatEntry[];

export type DocumentFormat = (typeof FORMATS)[number]["id"];

const byExtension = new Map<string, DocumentFormatEntry & { id: DocumentFormat }>(
  FORMATS.flatMap((format) => format.extensions.map((ext) => [ext, format] as const)),
);
export const SUPPORTED_EXTENSIONS: readonly string[] = [...byExtension.keys()];

/** The format of a file, by its extension (case-insensitive), or undefined for a file we do not read. */
export function formatOfFile(path: string): (DocumentFormatEntry & { id: DocumentFormat }) | undefined {
  const dot = path.lastIndexOf(".");
  return dot < 0 ? undefined : byExtension.get(path.slice(dot).toLowerCase());
}
