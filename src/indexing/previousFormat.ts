import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Chunk } from "../domain/chunk.js";
import { graphFile, type IndexData, type Manifest, ManifestSchema } from "../search/indexFiles.js";
import { VectorIndex } from "../search/vectorIndex.js";

/**
 * Reading an index of the previous format (4: facts.json, chunks.jsonl and
 * SHA-256 checksums) for one purpose: the first ingest after an upgrade takes
 * its unchanged documents' chunks, facts and vectors instead of embedding the
 * whole corpus again (with a paid embedding API, that is the cost of every
 * chunk). It is never served: the upgrade's ingest writes the current format.
 */
const PREVIOUS_FORMAT = 4;

const Sha256DigestSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() });
const PreviousManifestSchema = ManifestSchema.extend({
  format: z.literal(PREVIOUS_FORMAT),
  files: z.object({ "facts.json": Sha256DigestSchema, "chunks.jsonl": Sha256DigestSchema, "hnsw.bin": Sha256DigestSchema }),
});

type Facts = Pick<IndexData, "documents" | "competencies" | "levels">;

/** A file of the version, after its size and SHA-256 match the manifest (the graph's before the native loader sees it). */
async function checked(versionDir: string, file: string, expected: z.infer<typeof Sha256DigestSchema>): Promise<Buffer> {
  const content = await readFile(join(versionDir, file));
  if (content.length !== expected.bytes || createHash("sha256").update(content).digest("hex") !== expected.sha256)
    throw new Error(`${file} does not match its checksum in the manifest`);
  return content;
}

/** The version's chunks, facts and vectors, for reuse by ingest; throws when it is not an intact index of the previous format. */
export async function readPreviousFormat(versionDir: string): Promise<IndexData> {
  const raw: unknown = JSON.parse(await readFile(join(versionDir, "manifest.json"), "utf8"));
  const manifest = PreviousManifestSchema.parse(raw);
  const facts = JSON.parse((await checked(versionDir, "facts.json", manifest.files["facts.json"])).toString("utf8")) as Facts;
  const chunks = (await checked(versionDir, "chunks.jsonl", manifest.files["chunks.jsonl"]))
    .toString("utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Chunk);
  if (chunks.length !== manifest.chunks || chunks.some((chunk, id) => chunk.id !== id)) throw new Error("chunk store does not match the manifest");
  await checked(versionDir, "hnsw.bin", manifest.files["hnsw.bin"]);
  const graph = VectorIndex.read(graphFile(versionDir), manifest.dimensions);
  if (graph.size !== chunks.length) throw new Error("graph size does not match the chunk store");
  // Only what ingest reuses is read; the manifest keeps its own format number for the caller to see.
  return { manifest: { ...manifest, files: undefined } as unknown as Manifest, ...facts, chunks, vectors: chunks.map((_, id) => graph.vector(id)) };
}
