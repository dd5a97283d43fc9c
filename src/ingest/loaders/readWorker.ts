import { parentPort } from "node:worker_threads";
import { firstLine, UnreadableDocumentError } from "./errors.js";
import { loadFile } from "./index.js";
import { READY, type ReadReply, type ReadRequest } from "./readProtocol.js";

/** The worker side of DocumentReader: reads one file per message, answers with its text or the reason it cannot. */

parentPort?.on("message", async ({ id, absPath, options }: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { id, loaded: await loadFile(absPath, options) };
  } catch (error) {
    reply =
      error instanceof UnreadableDocumentError
        ? { id, error: { file: error.file, reason: error.reason } }
        : { id, error: { file: absPath, reason: `cannot read the document (${firstLine(error)})` } };
  }
  parentPort!.postMessage(reply);
});

await Promise.all([import("./pdf.js"), import("./docx.js"), import("./webPage.js")]);
parentPort?.postMessage({ id: READY } satisfies ReadReply);
