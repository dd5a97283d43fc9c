import { Worker } from "node:worker_threads";
import type { FileDigest } from "./indexFiles.js";

/**
 * The worker's code, as a string: it runs the same from TypeScript (tsx) and
 * from compiled JavaScript, with nothing to resolve. It streams each file
 * through CRC-32 and posts each digest as soon as it is known.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { crc32 } = require("node:zlib");
const { createReadStream } = require("node:fs");
(async () => {
  for (const file of workerData) {
    try {
      let crc = 0;
      let bytes = 0;
      for await (const piece of createReadStream(file, { highWaterMark: 1 << 20 })) {
        crc = crc32(piece, crc);
        bytes += piece.length;
      }
      parentPort.postMessage({ file, digest: { crc32: crc.toString(16).padStart(8, "0"), bytes } });
    } catch (error) {
      parentPort.postMessage({ file, error: String(error && error.message) });
    }
  }
})();
`;

/**
 * CRC-32 of several files on another thread, so checking an index's
 * checksums (hundreds of MB at 10,000 documents) runs on the second core
 * while this one parses. One promise per file, in the order given.
 */
export function digestFilesInWorker(files: string[]): Map<string, Promise<FileDigest>> {
  const pending = new Map<string, { resolve: (d: FileDigest) => void; reject: (e: Error) => void }>();
  const results = new Map<string, Promise<FileDigest>>();
  for (const file of files) results.set(file, new Promise<FileDigest>((resolve, reject) => pending.set(file, { resolve, reject })));
  // A digest nobody awaits (the load failed earlier) must not become an unhandled rejection.
  for (const promise of results.values()) promise.catch(() => undefined);
  const worker = new Worker(WORKER, { eval: true, workerData: files });
  worker.on("message", (message: { file: string; digest?: FileDigest; error?: string }) => {
    const waiting = pending.get(message.file);
    pending.delete(message.file);
    if (message.digest) waiting?.resolve(message.digest);
    else waiting?.reject(new Error(message.error ?? "could not read the file"));
  });
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new Error("digest worker stopped early")));
  return results;
}
