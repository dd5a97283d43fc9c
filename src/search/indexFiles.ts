import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { createReadStream, existsSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import type { CompetencyFact, DocumentMeta, LevelFact } from "../domain/document.js";
import type { Chunk } from "../domain/chunk.js";
import type { LexicalData } from "./lexicalIndex.js";
import { lexicalDataFromBuffer, lexicalDataToBuffer } from "./lexicalIndexFile.js";
import { VectorIndex } from "./vectorIndex.js";
import { ChunkStore } from "./chunkStore.js";
import { FactStore } from "./factStore.js";

/**
 * 3: the manifest records a checksum of every index file. 4: the BM25 postings are stored (lexical.bin) and
 * the vectors live only in the graph (hnsw.bin keeps every point; a separate vectors.f32 doubled the disk
 * and the checksum time for nothing). 5: chunks and facts are stored as columns plus records parsed on
 * demand (chunks.bin, facts.bin), so opening an index parses no chunk and no competency or level fact; the
 * checksums are CRC-32 instead of SHA-256 (they detect damage; the manifest beside them is not signed, so a
 * cryptographic hash protected against nothing more, at three times the CPU at every start).
 */
export const INDEX_FORMAT = 5;

/** The files of a version folder besides the manifest; each is checksummed in it. */
export const INDEX_FILES = ["facts.bin", "chunks.bin", "lexical.bin", "hnsw.bin"] as const;
export type IndexFile = (typeof INDEX_FILES)[number];

const FileDigestSchema = z.object({ crc32: z.string().regex(/^[0-9a-f]{8}$/), bytes: z.number().int().nonnegative() });
export type FileDigest = z.infer<typeof FileDigestSchema>;

export const ManifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  embedder: z.string(),
  dimensions: z.number().int().positive(),
  builtAt: z.string(),
  /** `set`: the document set (top-level folder; "" for the root), recorded since sets exist. */
  documents: z.array(z.object({ source: z.string(), set: z.string().optional(), contentHash: z.string(), size: z.number(), mtimeMs: z.number() })),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })).default([]),
  chunks: z.number().int(),
  sections: z.number().int().optional(),
  /** Hash of the vocabulary packs and glossary the index was parsed with: a change rebuilds. */
  vocabulary: z.string().optional(),
  /** The knowledge folder the index was built from: `--index DIR` alone answers from it and never rebuilds from another. */
  knowledgeDir: z.string().optional(),
  /** Written by writeIndex; required when an index is read. */
  files: z.object({ "facts.bin": FileDigestSchema, "chunks.bin": FileDigestSchema, "lexical.bin": FileDigestSchema, "hnsw.bin": FileDigestSchema }).optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Everything an index holds besides the hnswlib graph, as read back. */
export type IndexData = {
  manifest: Manifest;
  chunks: Chunk[];
  documents: DocumentMeta[];
  competencies: CompetencyFact[];
  levels: LevelFact[];
  /** The stored BM25 postings; read when asked for (serving). */
  lexical?: LexicalData;
  /** One vector per chunk, taken from the graph when asked for (ingest), so unchanged documents are never embedded again. */
  vectors: Float32Array[];
};

/** What ingest writes: the facts, the chunks and their postings (the graph is written by its own callback). */
export type IndexContents = Omit<IndexData, "vectors" | "lexical"> & { lexical: LexicalData };

/** What serving reads: the chunks and facts as stores that parse a record when it is asked for, and the postings. */
export type ServingIndexData = { manifest: Manifest; chunks: ChunkStore; facts: FactStore; lexical: LexicalData };

export class IndexUnreadableError extends Error {
  override name = "IndexUnreadableError";
}

/** A file whose content is not what the manifest recorded: flipped bits, a truncated or overwritten file. */
export class ChecksumMismatchError extends Error {
  override name = "ChecksumMismatchError";
  constructor(readonly file: IndexFile) {
    super(`${file} does not match its checksum in the manifest`);
  }
}

/** A CRC-32 as the manifest writes it: eight hex digits. */
export function crc32Hex(crc: number): string {
  return crc.toString(16).padStart(8, "0");
}

export async function digestFile(file: string): Promise<FileDigest> {
  let crc = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    crc = crc32(chunk as Buffer, crc);
    bytes += (chunk as Buffer).length;
  }
  return { crc32: crc32Hex(crc), bytes };
}

/** Reads and validates a version's manifest; an index without checksums is unreadable (it predates them). */
export async function readManifest(versionDir: string): Promise<Manifest & { files: NonNullable<Manifest["files"]> }> {
  const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(versionDir, "manifest.json"), "utf8")));
  if (!manifest.files) throw new Error("manifest has no checksums");
  return { ...manifest, files: manifest.files };
}

/**
 * Checks one file against the manifest before anything parses it (the native
 * graph loader crashes the process on a damaged file): size first, then CRC-32.
 */
export async function verifyFile(versionDir: string, manifest: Manifest, file: IndexFile, content?: Buffer): Promise<void> {
  const expected = manifest.files?.[file];
  if (!expected) throw new ChecksumMismatchError(file);
  const path = join(versionDir, file);
  const size =
    content?.length ??
    (await stat(path).then(
      (s) => s.size,
      () => -1,
    ));
  if (size !== expected.bytes) throw new ChecksumMismatchError(file);
  const actual = content ? crc32Hex(crc32(content)) : (await digestFile(path)).crc32;
  if (actual !== expected.crc32) throw new ChecksumMismatchError(file);
}

const CURRENT = "CURRENT";

/** The manifest of the index a folder points at (its CURRENT version), or undefined. */
export async function currentManifest(indexDir: string): Promise<Manifest | undefined> {
  const dir = await currentVersionDir(indexDir);
  if (!dir) return undefined;
  try {
    return ManifestSchema.parse(JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")));
  } catch {
    return undefined;
  }
}

/** The version folder the index dir points at, or undefined when there is no index. */
export async function currentVersionDir(indexDir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(join(indexDir, CURRENT), "utf8")).trim();
    return name ? join(indexDir, name) : undefined;
  } catch {
    return undefined;
  }
}

/** True when every file of a version matches the manifest's checksums. */
export async function versionIntact(versionDir: string): Promise<boolean> {
  try {
    const manifest = await readManifest(versionDir);
    for (const file of INDEX_FILES) await verifyFile(versionDir, manifest, file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads an index after checking every file it reads against the manifest's
 * checksums. `lexical` also reads the stored postings; `vectors` takes every
 * chunk's vector out of the graph (ingest reuses them). Serving uses
 * readServingIndex, which also loads the graph.
 */
export async function readIndexData(versionDir: string, options: { vectors?: boolean; lexical?: boolean } = {}): Promise<IndexData> {
  try {
    const manifest = await readManifest(versionDir);
    const checked = async (file: IndexFile, content: Buffer) => {
      await verifyFile(versionDir, manifest, file, content);
      return content;
    };
    const facts = parseFacts(await checked("facts.bin", await readFile(join(versionDir, "facts.bin")))).all();
    const chunks = parseChunks(await checked("chunks.bin", await readFile(join(versionDir, "chunks.bin"))), manifest).all();
    const lexical = options.lexical ? parseLexical(await checked("lexical.bin", await readFile(join(versionDir, "lexical.bin"))), chunks.length) : undefined;
    let vectors: Float32Array[] = [];
    if (options.vectors) {
      await verifyFile(versionDir, manifest, "hnsw.bin");
      const graph = VectorIndex.read(graphFile(versionDir), manifest.dimensions);
      if (graph.size !== chunks.length) throw new Error("graph size does not match the chunk store");
      vectors = chunks.map((_, id) => graph.vector(id));
    }
    return { manifest, ...facts, chunks, lexical, vectors };
  } catch (error) {
    throw unreadable(versionDir, error);
  }
}

/** The error for a version that cannot be read, with the first line of the reason. */
export function unreadable(versionDir: string, error: unknown): IndexUnreadableError {
  return new IndexUnreadableError(`index at ${versionDir} is unreadable: ${(error as Error).message.split("\n")[0]}`);
}

export function parseFacts(content: Buffer): FactStore {
  return FactStore.fromBuffer(content);
}

export function parseChunks(content: Buffer, manifest: Manifest): ChunkStore {
  const chunks = ChunkStore.fromBuffer(content);
  if (chunks.size !== manifest.chunks) throw new Error("chunk store does not match the manifest (truncated?)");
  return chunks;
}

export function parseLexical(content: Buffer, chunks: number): LexicalData {
  const lexical = lexicalDataFromBuffer(content);
  if (lexical.count !== chunks) throw new Error("lexical index does not match the chunk store");
  return lexical;
}

/**
 * Writes a complete index into a new version folder, with the checksum of
 * every file in its manifest (written last), then points CURRENT at it with an
 * atomic rename. A crash before the rename leaves the previous index in
 * place. The version CURRENT pointed at before is kept as the fallback for a
 * damaged new one; older versions are removed afterwards.
 */
export async function writeIndex(indexDir: string, data: IndexContents, writeGraph: (file: string) => void): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const name = `v-${Date.now()}-${process.pid}`;
  const dir = join(indexDir, name);
  await mkdir(dir);
  const { manifest, chunks, lexical, ...facts } = data;
  const pointer = join(indexDir, `${CURRENT}.${name}.tmp`);
  let previous: string | undefined;
  try {
    await writeFile(join(dir, "facts.bin"), FactStore.toBuffer(facts));
    await writeFile(join(dir, "chunks.bin"), ChunkStore.toBuffer(chunks));
    await writeFile(join(dir, "lexical.bin"), lexicalDataToBuffer(lexical));
    writeGraph(join(dir, "hnsw.bin"));
    const files = Object.fromEntries(await Promise.all(INDEX_FILES.map(async (file) => [file, await digestFile(join(dir, file))] as const))) as NonNullable<
      Manifest["files"]
    >;
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ ...manifest, files }, null, 1));
    previous = await currentVersionDir(indexDir);
    await writeFile(pointer, name);
    await rename(pointer, join(indexDir, CURRENT));
  } catch (error) {
    // A failed write (a full disk) leaves nothing behind: the half-written version and its pointer go, CURRENT is untouched.
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    await rm(pointer, { force: true }).catch(() => undefined);
    throw error;
  }
  await removeStaleVersions(indexDir, [name, previous ? basename(previous) : undefined]);
  return dir;
}

/**
 * Replaces a version's damaged graph with one rebuilt from its (verified)
 * chunks, and records the new checksum: the repair happens once, not at
 * every start. Both files are replaced by atomic renames.
 */
export async function rewriteGraph(versionDir: string, manifest: Manifest, writeGraph: (file: string) => void): Promise<void> {
  const tmp = join(versionDir, `hnsw.bin.${process.pid}.tmp`);
  writeGraph(tmp);
  const digest = await digestFile(tmp);
  await rename(tmp, join(versionDir, "hnsw.bin"));
  const files = { ...manifest.files!, "hnsw.bin": digest };
  const manifestTmp = join(versionDir, `manifest.json.${process.pid}.tmp`);
  await writeFile(manifestTmp, JSON.stringify({ ...manifest, files }, null, 1));
  await rename(manifestTmp, join(versionDir, "manifest.json"));
}

/** Version folders newest first (by the time in their name), CURRENT's first of all: the order to try them in. */
export async function versionDirs(indexDir: string): Promise<string[]> {
  const current = await currentVersionDir(indexDir);
  const started = (name: string) => Number(/^v-(\d+)-/.exec(name)?.[1] ?? 0);
  const others = (await readdir(indexDir).catch(() => [] as string[]))
    .filter((entry) => entry.startsWith("v-") && join(indexDir, entry) !== current)
    .sort((a, b) => started(b) - started(a))
    .map((entry) => join(indexDir, entry));
  return current && existsSync(current) ? [current, ...others] : others;
}

async function removeStaleVersions(indexDir: string, keepNames: (string | undefined)[]): Promise<void> {
  const keep = keepNames.filter((n): n is string => Boolean(n));
  const newest = keep[0]!;
  for (const entry of await readdir(indexDir)) {
    if (keep.includes(entry) || entry === CURRENT) continue;
    // Another process may be writing its own version right now: leave fresh ones alone.
    const started = Number(/^v-(\d+)-/.exec(entry)?.[1] ?? 0);
    if (entry.startsWith("v-") && Date.now() - started < 10 * 60_000 && started > Number(/^v-(\d+)-/.exec(newest)?.[1] ?? 0)) continue;
    await rm(join(indexDir, entry), { recursive: true, force: true });
  }
}

export function graphFile(versionDir: string): string {
  return join(versionDir, "hnsw.bin");
}

export function hasGraph(versionDir: string): boolean {
  return existsSync(graphFile(versionDir));
}
