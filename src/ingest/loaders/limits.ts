import { DocumentLimitsShape } from "../../platform/documentLimits.js";

export { DocumentLimitsShape };

export type DocumentLimits = { timeoutMs: number; memoryMb: number; maxDecodedBytes: number };

/** The limits from the environment (the server's configuration, or the CLI's). */
export function documentLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): DocumentLimits {
  const read = (key: keyof typeof DocumentLimitsShape) => DocumentLimitsShape[key].parse(env[key] === "" ? undefined : env[key]);
  return {
    timeoutMs: read("DOCUMENT_READ_TIMEOUT_MS"),
    memoryMb: read("DOCUMENT_READ_MEMORY_MB"),
    maxDecodedBytes: Math.round(read("PDF_MAX_DECODED_MB") * 1024 * 1024),
  };
}
