import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import { join } from "node:path";
import { z } from "zod";
import type { CompetencyFact, DocumentMeta, LevelFact } from "../ingest/model.js";
import type { Chunk } from "./chunk.js";

export const INDEX_FORMAT = 2;

export const ManifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  embedder: z.string(),
  dimensions: z.number().int().positive(),
  builtAt: z.string(),
  documents: z.array(z.object({ source: z.string(), contentHash: z.string(), size: z.number(), mtimeMs: z.number() })),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })).default([]),
  chunks: z.number().int(),
  sections: z.number().int().optional(),
  /** Hash of the vocabulary packs and glossary the index was parsed with: a change rebuilds. */
  vocabulary: z.string().optional(),
  /** The knowledge folder the index was built from: `--index DIR` alone answers from it and never rebuilds from another. */
  knowledgeDir: z.string().optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Everything an index holds besides the hnswlib graph. */
export type IndexData = {
  manifest: Manifest;
  chunks: Chunk[];
  documents: DocumentMeta[];
  competencies: CompetencyFact[];
  levels: LevelFact[];
  /** One vector per chunk, so unchanged documents are never embedded again. */
  vectors: Float32Array[];
};

export class IndexUnreadableError extends Error {
  override name = "IndexUnreadableError";
}

const CURRENT = "CURRENT";

/** The manifest of the index a folder points at, or undefined. */
export async function readManifest(indexDir: string): Promise<Manifest | undefined> {
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

function vectorsToBuffer(vectors: Float32Array[], dimensions: number): Buffer {
  const out = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, i) => out.set(vector, i * dimensions));
  return Buffer.from(out.buffer);
}

/** Reads an index; `vectors: false` skips the stored vectors (serving needs only the graph). */
export async function readIndexData(versionDir: string, options: { vectors?: boolean } = {}): Promise<IndexData> {
  try {
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(versionDir, "manifest.json"), "utf8")));
    const facts = JSON.parse(await readFile(join(versionDir, "facts.json"), "utf8")) as Omit<IndexData, "manifest" | "vectors" | "chunks">;
    const chunks = await readChunks(join(versionDir, "chunks.jsonl"));
    if (chunks.length !== manifest.chunks) throw new Error("chunk store does not match the manifest (truncated?)");
    const expected = chunks.length * manifest.dimensions * 4;
    if (options.vectors === false) {
      if ((await stat(join(versionDir, "vectors.f32"))).size !== expected) throw new Error("vector file does not match the chunk store (truncated?)");
      return { manifest, ...facts, chunks, vectors: [] };
    }
    const raw = await readFile(join(versionDir, "vectors.f32"));
    if (raw.byteLength !== expected) throw new Error("vector file does not match the chunk store (truncated?)");
    const all = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
    const vectors = chunks.map((_, i) => all.slice(i * manifest.dimensions, (i + 1) * manifest.dimensions));
    return { manifest, ...facts, chunks, vectors };
  } catch (error) {
    throw new IndexUnreadableError(`index at ${versionDir} is unreadable: ${(error as Error).message.split("\n")[0]}`);
  }
}

/**
 * Chunks one JSON object a line, read as a stream: a 10,000-document index
 * never becomes one huge string in memory (which would stay in the process's
 * resident memory long after it is parsed).
 */
async function readChunks(file: string): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) if (line) chunks.push(JSON.parse(line) as Chunk);
  return chunks;
}

async function writeChunks(file: string, chunks: Chunk[]): Promise<void> {
  const out = createWriteStream(file, { encoding: "utf8" });
  for (const chunk of chunks) {
    if (!out.write(`${JSON.stringify(chunk)}\n`)) await once(out, "drain");
  }
  out.end();
  await finished(out);
}

/**
 * Writes a complete index into a new version folder, then points CURRENT at
 * it with an atomic rename. A crash before the rename leaves the previous
 * index in place; old versions are removed afterwards.
 */
export async function writeIndex(indexDir: string, data: IndexData, writeGraph: (file: string) => void): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const name = `v-${Date.now()}-${process.pid}`;
  const dir = join(indexDir, name);
  await mkdir(dir);
  const { manifest, vectors, chunks, ...facts } = data;
  await writeFile(join(dir, "facts.json"), JSON.stringify(facts));
  await writeChunks(join(dir, "chunks.jsonl"), chunks);
  await writeFile(join(dir, "vectors.f32"), vectorsToBuffer(vectors, manifest.dimensions));
  writeGraph(join(dir, "hnsw.bin"));
  await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 1));
  const pointer = join(indexDir, `${CURRENT}.${name}.tmp`);
  await writeFile(pointer, name);
  await rename(pointer, join(indexDir, CURRENT));
  await removeStaleVersions(indexDir, name);
  return dir;
}

async function removeStaleVersions(indexDir: string, keep: string): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    if (entry === keep || entry === CURRENT) continue;
    // Another process may be writing its own version right now: leave fresh ones alone.
    const started = Number(/^v-(\d+)-/.exec(entry)?.[1] ?? 0);
    if (entry.startsWith("v-") && Date.now() - started < 10 * 60_000 && started > Number(/^v-(\d+)-/.exec(keep)?.[1] ?? 0)) continue;
    await rm(join(indexDir, entry), { recursive: true, force: true });
  }
}

export function graphFile(versionDir: string): string {
  return join(versionDir, "hnsw.bin");
}

export function hasGraph(versionDir: string): boolean {
  return existsSync(graphFile(versionDir));
}
