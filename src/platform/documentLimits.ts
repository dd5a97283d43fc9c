import { z } from "zod";

/**
 * What reading one document may cost (the configuration's part; ingest reads
 * them through ingest/loaders/limits.ts). A document past a limit is skipped
 * with its reason in the ingest report; the server goes on answering.
 */
export const DocumentLimitsShape = {
  /** Wall-clock time for reading one Word, PDF or HTML file (in its worker). */
  DOCUMENT_READ_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Heap of the worker that reads documents (its parsers alone take about 64 MB); a document that needs more is skipped, the worker restarted. */
  DOCUMENT_READ_MEMORY_MB: z.coerce.number().int().min(96).max(8192).default(512),
  /** All streams of one PDF together, inflated: an 800 KB file can otherwise inflate to gigabytes. */
  PDF_MAX_DECODED_MB: z.coerce.number().min(0.01).max(16_384).default(256),
};
