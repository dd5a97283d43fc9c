import type { LoadedFile, LoadOptions } from "./index.js";

/** Messages between DocumentReader and its worker (readWorker.ts). */
export type ReadRequest = { id: number; absPath: string; options: LoadOptions };
export type ReadReply = { id: number; loaded?: LoadedFile; error?: { file: string; reason: string } };
/** Posted once the parsers are loaded: a file's time limit starts when it can be read, not while the worker starts. */
export const READY = -1;
