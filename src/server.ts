import { resolve } from "node:path";
import { loadConfig } from "./platform/config.js";
import { prefetchServingIndex } from "./search/servingIndex.js";

/**
 * `npm start`: starts reading the index on other threads (checksums, the
 * vector graph, the files), then loads the server's code and runs it. The
 * chat SDKs take about half a second to load; at 10,000 documents reading
 * the index takes as long, and now happens meanwhile.
 */
try {
  prefetchServingIndex(resolve(loadConfig().INDEX_DIR));
} catch {
  // A configuration error is reported by the server itself, with the rest of its start-up.
}
await import("./app/runServer.js");
