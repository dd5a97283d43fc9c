/** A document that cannot be read; ingest reports it with its name and reason and goes on. */
export class UnreadableDocumentError extends Error {
  override name = "UnreadableDocumentError";
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** The first line of an error message, short enough for an ingest summary. */
export function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error)
    .split("\n")[0]!
    .slice(0, 160);
}
