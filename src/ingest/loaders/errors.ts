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
