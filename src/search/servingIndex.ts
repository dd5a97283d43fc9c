import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { digestFilesInWorker } from "./fileDigests.js";
import {
  ChecksumMismatchError,
  currentVersionDir,
  type FileDigest,
  graphFile,
  INDEX_FILES,
  type IndexFile,
  type Manifest,
  parseChunks,
  parseFacts,
  parseLexical,
  type ServingIndexData,
  unreadable,
} from "./indexFiles.js";
import { VectorIndex } from "./vectorIndex.js";

/** A version whose graph file is damaged while the rest is intact: the rest, to rebuild the graph from. */
export class DamagedGraphError extends ChecksumMismatchError {
  constructor(readonly data: ServingIndexData) {
    super("hnsw.bin");
  }
}

type Expected = { files: NonNullable<Manifest["files"]>; dimensions: number };

/** The files this thread parses; the graph is loaded natively. */
const PARSED_FILES = INDEX_FILES.filter((file): file is Exclude<IndexFile, "hnsw.bin"> => file !== "hnsw.bin");

const sameDigest = (a: FileDigest, b: FileDigest) => a.crc32 === b.crc32 && a.bytes === b.bytes;

/** The off-thread part of reading a version: checksums, the graph and the files, under way. */
type VersionReading = {
  versionDir: string;
  expected: Expected;
  matches: (file: IndexFile) => Promise<boolean>;
  graph: Promise<VectorIndex | undefined>;
  contents: Map<IndexFile, Promise<Buffer>>;
};

/**
 * Starts everything that does not need this thread: the checksums on a
 * worker, the graph on the thread pool once its own checksum holds (the
 * native loader never sees a damaged file), and the files into memory.
 */
function startReading(versionDir: string, expected: Expected): VersionReading {
  // The graph first: its load waits for its checksum.
  const digests = digestFilesInWorker(["hnsw.bin", ...PARSED_FILES].map((file) => join(versionDir, file)));
  const matches = async (file: IndexFile) => sameDigest(await digests.get(join(versionDir, file))!, expected.files[file]);
  const graph = matches("hnsw.bin").then((intact) => (intact ? VectorIndex.readAsync(graphFile(versionDir), expected.dimensions) : undefined));
  graph.catch(() => undefined); // awaited by the reader; a failure must not surface as unhandled meanwhile
  const contents = new Map<IndexFile, Promise<Buffer>>(
    PARSED_FILES.map((file) => {
      const content = readFile(join(versionDir, file));
      content.catch(() => undefined);
      return [file, content] as const;
    }),
  );
  return { versionDir, expected, matches, graph, contents };
}

let prefetched: Promise<VersionReading | undefined> | undefined;

/** What the prefetch needs of a manifest; the full manifest is validated when the index is opened. */
const PrefetchManifestSchema = z.object({
  dimensions: z.number().int().positive(),
  files: z.record(z.string(), z.object({ crc32: z.string(), bytes: z.number() })),
});

/**
 * Starts reading the index's current version before the server's own code
 * has loaded (the chat SDKs take half a second to load): checksums, graph
 * and files are read on other threads meanwhile, and readServingIndex takes
 * them over when it opens that same version. A folder without a readable
 * index is left alone; opening it reports why.
 */
export function prefetchServingIndex(indexDir: string): void {
  prefetched = (async () => {
    const versionDir = await currentVersionDir(indexDir);
    if (!versionDir) return undefined;
    const manifest = PrefetchManifestSchema.safeParse(JSON.parse(await readFile(join(versionDir, "manifest.json"), "utf8")));
    if (!manifest.success || !INDEX_FILES.every((file) => manifest.data.files[file])) return undefined;
    return startReading(versionDir, manifest.data as Expected);
  })().catch(() => undefined);
}

/** The prefetched reading if it is of this version with these checksums; the prefetch is used once or dropped. */
async function takePrefetched(versionDir: string, expected: Expected): Promise<VersionReading | undefined> {
  const reading = await prefetched;
  prefetched = undefined;
  if (!reading || reading.versionDir !== versionDir || reading.expected.dimensions !== expected.dimensions) return undefined;
  return INDEX_FILES.every((file) => sameDigest(reading.expected.files[file], expected.files[file])) ? reading : undefined;
}

/** Drops a prefetch nobody took (the index was stale or built with another embedder), so its graph can be freed. */
export function dropPrefetchedIndex(): void {
  prefetched = undefined;
}

/**
 * Reads a version for serving: facts, chunks and postings, and the graph.
 * This thread parses while other threads check and load (or a prefetch
 * already did). A damaged graph with intact other files throws
 * DamagedGraphError with the data.
 */
export async function readServingIndex(
  versionDir: string,
  manifest: Manifest & { files: NonNullable<Manifest["files"]> },
): Promise<{ data: ServingIndexData; graph: VectorIndex }> {
  const expected = { files: manifest.files, dimensions: manifest.dimensions };
  // Without a prefetch, the other threads start before the first await: the caller parses the vocabulary meanwhile.
  const reading = (prefetched && (await takePrefetched(versionDir, expected))) || startReading(versionDir, expected);
  const { matches, contents } = reading;
  try {
    // A file that does not parse is reported as damaged when its checksum says so, else as the parse error.
    const parsed = async <T>(file: IndexFile, parse: (content: Buffer) => T): Promise<T> => {
      const content = await contents.get(file)!;
      try {
        return parse(content);
      } catch (error) {
        if (!(await matches(file))) throw new ChecksumMismatchError(file);
        throw error;
      }
    };
    const facts = await parsed("facts.bin", parseFacts);
    const chunks = await parsed("chunks.bin", (content) => parseChunks(content, manifest));
    const lexical = await parsed("lexical.bin", (content) => parseLexical(content, chunks.size));
    for (const file of PARSED_FILES) if (!(await matches(file))) throw new ChecksumMismatchError(file);
    const data: ServingIndexData = { manifest, facts, chunks, lexical };
    const graph = await reading.graph;
    if (!graph) throw new DamagedGraphError(data);
    if (graph.size !== chunks.size) throw new Error("graph size does not match the chunk store");
    return { data, graph };
  } catch (error) {
    if (error instanceof DamagedGraphError) throw error;
    throw unreadable(versionDir, error);
  }
}
