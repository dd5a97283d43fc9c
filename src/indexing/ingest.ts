import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../platform/logger.js";
import type { IngestProgress, ReindexSummary } from "../domain/assistant.js";
import type { Chunk } from "../domain/chunk.js";
import { chunkContext } from "../domain/chunk.js";
import type { Embedder } from "../search/embeddings/select.js";
import {
  currentVersionDir,
  INDEX_FORMAT,
  ManifestSchema,
  readIndexData,
  versionIntact,
  writeIndex,
  type IndexData,
  type IndexContents,
  type Manifest,
} from "../search/indexFiles.js";
import { VectorIndex } from "../search/vectorIndex.js";
import { buildLexicalData } from "../search/lexicalIndex.js";
import { FactStore } from "../search/factStore.js";
import { readPreviousFormat } from "./previousFormat.js";
import { assistantAddressWarning, withoutAssistantAddress } from "../ingest/assistantAddress.js";
import { chunkDocument } from "../ingest/chunker.js";
import { DocumentReader } from "../ingest/loaders/documentReader.js";
import { UnreadableDocumentError } from "../ingest/loaders/index.js";
import type { DocumentLimits } from "../ingest/loaders/limits.js";
import type { ParsedDocument } from "../domain/document.js";
import { PARSER_VERSION, parseDocument } from "../ingest/parse/index.js";
import { scanKnowledge, type KnowledgeFile } from "../ingest/scan.js";
import { loadVocabulary, readGlossary, GLOSSARY_FILE } from "../vocabulary/load.js";
import { Vocabulary } from "../vocabulary/vocabulary.js";
import type { DocumentSummary } from "../domain/assistant.js";
import { summarise } from "../ingest/report.js";
import { words } from "../text/tokenize.js";
import { setOfSource } from "../domain/audience.js";
import { ACCESS_FILE, readAccessFile } from "../ingest/accessFile.js";
import { describeAudience } from "../domain/accessPolicy.js";

export type IngestOptions = {
  knowledgeDir: string;
  indexDir: string;
  embedder: Embedder;
  logger: Logger;
  onProgress?: (progress: IngestProgress) => void;
  /** Rebuild even when the manifest says nothing changed (the index on disk turned out unreadable). */
  force?: boolean;
  /** What reading one document may cost (time, memory, inflated PDF streams); from the environment by default. */
  limits?: DocumentLimits;
};

export type IngestResult = ReindexSummary & {
  changed: boolean;
  versionDir?: string;
  /** What was understood of each document (title, system, levels, competencies, facts, tables, warnings). */
  report: DocumentSummary[];
  /** Glossary terms that occur in no document. */
  unusedGlossaryTerms: string[];
  /** Why access.yaml cannot be used (then only the root set is served until it is fixed). */
  accessError?: string;
};

/** The report with each document's set and who may use it, from access.yaml as it is now. */
function withAudiences<T extends Pick<IngestResult, "report">>(result: T, knowledgeDir: string): T & Pick<IngestResult, "accessError"> {
  const access = readAccessFile(knowledgeDir);
  const report = result.report.map((doc) => ({
    ...doc,
    audience: access.error ? "admins only (access.yaml is invalid)" : describeAudience(access.policy, doc.set ?? ""),
  }));
  return { ...result, report, ...(access.error ? { accessError: access.error } : {}) };
}

/** What decides how documents are read: the vocabulary (packs + glossary) and the parser version. */
function readingFingerprint(vocabulary: Vocabulary): string {
  return `${vocabulary.hash}:p${PARSER_VERSION}`;
}

export class KnowledgeMissingError extends Error {
  override name = "KnowledgeMissingError";
}

const EMBED_BATCH = 64;

/** A document's text as read (instructions to the assistant left out, `warning` saying so). */
type LoadedText = { text: string; format: string; title?: string; warning?: string };

type DocumentEntry = { file: KnowledgeFile; contentHash: string; doc: Omit<ParsedDocument, "sections">; chunks: Omit<Chunk, "id">[]; vectors?: Float32Array[] };

async function previousIndex(indexDir: string, logger: Logger): Promise<IndexData | undefined> {
  const dir = await currentVersionDir(indexDir);
  if (!dir) return undefined;
  try {
    return await readIndexData(dir, { vectors: true });
  } catch (error) {
    // An index of the previous format (after an upgrade) still gives its chunks and vectors.
    const previous = await readPreviousFormat(dir).catch(() => undefined);
    if (previous) {
      logger.info("index of the previous format: rewriting it in the current one, with its vectors");
      return previous;
    }
    logger.warn({ err: (error as Error).message }, "previous index unreadable; rebuilding from the documents");
    return undefined;
  }
}

/** Documents of the previous index, by source, with their chunks and vectors, reusable when unchanged. */
function reusable(previous: IndexData | undefined, embedderId: string): Map<string, Omit<DocumentEntry, "file">> {
  const map = new Map<string, Omit<DocumentEntry, "file">>();
  if (!previous || previous.manifest.embedder !== embedderId) return map;
  // One pass over each list, grouped by source: a corpus of 10,000 documents must not be scanned 10,000 times.
  for (const meta of previous.documents)
    map.set(meta.source, { contentHash: meta.contentHash, doc: { meta, competencies: [], levels: [] }, chunks: [], vectors: [] });
  previous.chunks.forEach(({ id: _id, ...chunk }, i) => {
    const entry = map.get(chunk.source);
    entry?.chunks.push(chunk);
    entry?.vectors?.push(previous.vectors[i]!);
  });
  for (const fact of previous.competencies) map.get(fact.source)?.doc.competencies.push(fact);
  for (const fact of previous.levels) map.get(fact.source)?.doc.levels.push(fact);
  return map;
}

/**
 * When every file has the size and modification time the index recorded (and
 * the same files are skipped), the index is current: answered from its
 * manifest alone, without reading the chunk store or the vectors.
 */
async function unchangedSummary(
  indexDir: string,
  embedderId: string,
  vocabularyHash: string,
  files: KnowledgeFile[],
  skipped: { file: string; reason: string }[],
): Promise<Omit<IngestResult, "seconds"> | undefined> {
  const dir = await currentVersionDir(indexDir);
  if (!dir) return undefined;
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")));
  } catch {
    return undefined;
  }
  if (manifest.embedder !== embedderId || manifest.vocabulary !== vocabularyHash || manifest.sections === undefined || !existsSync(join(dir, "chunks.bin")))
    return undefined;
  // A damaged version (checksums) is rebuilt even when the documents did not change.
  if (!(await versionIntact(dir))) return undefined;
  const known = new Map(manifest.documents.map((d) => [d.source, d]));
  const skippedBefore = new Set(manifest.skipped.map((s) => s.file));
  const readable = files.filter((f) => !skippedBefore.has(f.source));
  const same =
    readable.length === known.size &&
    readable.every((f) => known.get(f.source)?.size === f.size && known.get(f.source)?.mtimeMs === f.mtimeMs) &&
    skipped.every((s) => skippedBefore.has(s.file)) &&
    files.length + skipped.length - readable.length === manifest.skipped.length;
  if (!same) return undefined;
  // Up to date: the report comes from the stored document facts (read only here, not on the hot path of a plain start).
  const facts = FactStore.fromBuffer(await readFile(join(dir, "facts.bin")));
  const report = facts.documents.map((meta) => summarise({ meta, competencies: facts.competenciesOf(meta.source), levels: facts.levelsOf(meta.source) }));
  return {
    documents: known.size,
    sections: manifest.sections,
    chunks: manifest.chunks,
    embedded: 0,
    reused: known.size,
    removed: 0,
    skipped: manifest.skipped,
    changed: false,
    report,
    unusedGlossaryTerms: [],
  };
}

/** True when the index is missing, built by another embedder, or older than the documents. */
export async function indexIsStale(knowledgeDir: string, indexDir: string, embedderId: string): Promise<boolean> {
  const dir = await currentVersionDir(indexDir);
  if (!dir || !existsSync(dir)) return true;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(`${dir}/manifest.json`, "utf8")) as Manifest;
  } catch {
    return true;
  }
  if (manifest.embedder !== embedderId || manifest.format !== INDEX_FORMAT) return true;
  if (manifest.vocabulary !== readingFingerprint(loadVocabulary(knowledgeDir))) return true;
  const { files } = await scanKnowledge(knowledgeDir);
  const known = new Map(manifest.documents.map((d) => [d.source, d]));
  const skipped = new Set(manifest.skipped.map((s) => s.file));
  const current = files.filter((f) => !skipped.has(f.source));
  if (current.length !== known.size) return true;
  return current.some((f) => {
    const before = known.get(f.source);
    return !before || before.size !== f.size || before.mtimeMs !== f.mtimeMs;
  });
}

/**
 * Reads the knowledge folder into a new index: unchanged documents keep their
 * chunks and vectors, changed ones are parsed and embedded, removed ones drop
 * out, unreadable ones are reported and skipped. The new index replaces the
 * old one only when it is complete.
 */
export async function ingest(options: IngestOptions): Promise<IngestResult> {
  // Word, PDF and HTML are read in a worker with limits: a hostile file is skipped, the caller's thread never waits on it.
  const reader = new DocumentReader(options.limits);
  try {
    return withAudiences(await ingestDocuments(options, reader), options.knowledgeDir);
  } finally {
    await reader.close();
  }
}

async function ingestDocuments(options: IngestOptions, reader: DocumentReader): Promise<IngestResult> {
  const started = performance.now();
  const { knowledgeDir, indexDir, embedder, logger, onProgress } = options;
  if (!existsSync(knowledgeDir)) throw new KnowledgeMissingError(`knowledge folder not found: ${knowledgeDir}`);
  const scanned = await scanKnowledge(knowledgeDir);
  const { files, unreadable } = scanned;
  // The organisation's glossary is vocabulary, not a document.
  const unsupported = scanned.unsupported.filter((file) => file !== GLOSSARY_FILE && file !== ACCESS_FILE);
  const vocabulary = loadVocabulary(knowledgeDir);
  const reading = readingFingerprint(vocabulary);
  const upToDate = options.force
    ? undefined
    : await unchangedSummary(indexDir, embedder.id, reading, files, [...unsupported.map((file) => ({ file, reason: "unsupported file type" })), ...unreadable]);
  if (upToDate) return { ...upToDate, seconds: (performance.now() - started) / 1000 };
  const previous = await previousIndex(indexDir, logger);
  if (previous && previous.manifest.embedder !== embedder.id) {
    logger.warn({ from: previous.manifest.embedder, to: embedder.id }, "embedder changed: re-embedding every document");
  }
  if (previous && previous.manifest.vocabulary !== reading) logger.info("vocabulary, glossary or parser changed: re-reading every document");
  const reuse = previous?.manifest.vocabulary === reading ? reusable(previous, embedder.id) : new Map<string, Omit<DocumentEntry, "file">>();
  const previousFiles = new Map(previous?.manifest.documents.map((d) => [d.source, d]) ?? []);

  const skipped: { file: string; reason: string }[] = [...unsupported.map((file) => ({ file, reason: "unsupported file type" })), ...unreadable];
  const entries: DocumentEntry[] = [];
  const loadedTexts = new Map<string, LoadedText>();
  // Competency names the corpus uses help name the blocks that documents leave unnamed.
  const corpusNames = new Set<string>([...reuse.values()].flatMap((e) => e.doc.competencies.filter((c) => !c.nameInferred).map((c) => c.name)));
  let reused = 0;
  for (const [i, file] of files.entries()) {
    onProgress?.({ phase: "load", done: i, total: files.length, file: file.source });
    const before = previousFiles.get(file.source);
    const old = reuse.get(file.source);
    if (old && before && before.size === file.size && before.mtimeMs === file.mtimeMs) {
      entries.push({ ...old, file });
      reused++;
      continue;
    }
    try {
      const read = await reader.read(file.absPath);
      // Text that instructs the assistant is not part of the document: left out, and said so in the report.
      const screened = withoutAssistantAddress(read.text, vocabulary);
      const warning = screened.dropped.length ? assistantAddressWarning(screened.dropped) : undefined;
      const loaded = { ...read, text: screened.text, warning };
      loadedTexts.set(file.source, loaded);
      const parsed = parseDocument(
        { source: file.source, text: loaded.text, format: loaded.format, title: loaded.title },
        { vocabulary, corpusNames: [...corpusNames] },
      );
      if (warning) parsed.meta.warnings = [...(parsed.meta.warnings ?? []), warning];
      for (const c of parsed.competencies) if (!c.nameInferred) corpusNames.add(c.name);
      if (old && old.contentHash === parsed.meta.contentHash) {
        entries.push({ ...old, file });
        reused++;
        continue;
      }
      const { sections: _sections, ...doc } = parsed;
      entries.push({ file, contentHash: parsed.meta.contentHash, doc, chunks: await chunkDocument(parsed) });
    } catch (error) {
      const reason = error instanceof UnreadableDocumentError ? error.reason : (error as Error).message.split("\n")[0]!;
      logger.warn({ file: file.source, reason }, "skipped unreadable document");
      skipped.push({ file: file.source, reason });
    }
  }
  onProgress?.({ phase: "load", done: files.length, total: files.length });
  await renameWithCorpus(entries, loadedTexts, vocabulary, [...corpusNames]);

  const present = new Set(entries.map((e) => e.file.source));
  const removed = [...previousFiles.keys()].filter((source) => !present.has(source)).length;
  const unchanged =
    previous && previous.manifest.embedder === embedder.id && reused === entries.length && removed === 0 && entries.length === previous.documents.length;
  const summaryBase = {
    documents: entries.length,
    sections: new Set(entries.flatMap((e) => e.chunks.map((c) => c.sectionId))).size,
    chunks: entries.reduce((n, e) => n + e.chunks.length, 0),
    reused,
    removed,
    skipped,
  };
  const report = entries.map((e) => summarise(e.doc));
  const unusedGlossaryTerms = unusedTerms(knowledgeDir, entries);
  // Nothing changed and the current version is intact (its graph included): keep it.
  if (unchanged && skipped.length === previous.manifest.skipped.length && (await versionIntact((await currentVersionDir(indexDir))!))) {
    return { ...summaryBase, embedded: 0, seconds: (performance.now() - started) / 1000, changed: false, report, unusedGlossaryTerms };
  }

  // Embed what is new, in batches, with progress.
  const pending = entries.filter((e) => !e.vectors);
  const texts = pending.flatMap((e) => e.chunks.map((c) => chunkContext(c)));
  const vectors: Float32Array[] = [];
  for (let at = 0; at < texts.length; at += EMBED_BATCH) {
    onProgress?.({ phase: "embed", done: at, total: texts.length });
    const batch = await embedder.embeddings.embedDocuments(texts.slice(at, at + EMBED_BATCH));
    vectors.push(...batch.map((v) => Float32Array.from(v)));
  }
  onProgress?.({ phase: "embed", done: texts.length, total: texts.length });
  let cursor = 0;
  for (const entry of pending) {
    entry.vectors = vectors.slice(cursor, cursor + entry.chunks.length);
    cursor += entry.chunks.length;
  }

  const chunks: Chunk[] = entries.flatMap((e) => e.chunks).map((chunk, id) => ({ ...chunk, id }));
  const allVectors = entries.flatMap((e) => e.vectors!);
  const dimensions = allVectors[0]?.length ?? previous?.manifest.dimensions ?? 1;
  onProgress?.({ phase: "write", done: 0, total: 1 });
  const graph = VectorIndex.build(allVectors, dimensions);
  const data: IndexContents = {
    manifest: {
      format: INDEX_FORMAT,
      embedder: embedder.id,
      dimensions,
      builtAt: new Date().toISOString(),
      documents: entries.map((e) => ({
        source: e.file.source,
        set: setOfSource(e.file.source),
        contentHash: e.contentHash,
        size: e.file.size,
        mtimeMs: e.file.mtimeMs,
      })),
      skipped,
      chunks: chunks.length,
      sections: summaryBase.sections,
      vocabulary: reading,
      knowledgeDir,
    },
    chunks,
    documents: entries.map((e) => e.doc.meta),
    competencies: entries.flatMap((e) => e.doc.competencies),
    levels: entries.flatMap((e) => e.doc.levels),
    lexical: buildLexicalData(chunks.length, (id) => chunkContext(chunks[id]!)),
  };
  const versionDir = await writeIndex(indexDir, data, (file) => graph.write(file));
  onProgress?.({ phase: "write", done: 1, total: 1 });
  return { ...summaryBase, embedded: texts.length, seconds: (performance.now() - started) / 1000, changed: true, versionDir, report, unusedGlossaryTerms };
}

/**
 * A document that left a competency unnamed and that its own words could not
 * name is read again once every document's competency names are known.
 */
async function renameWithCorpus(entries: DocumentEntry[], texts: Map<string, LoadedText>, vocabulary: Vocabulary, corpusNames: string[]): Promise<void> {
  const known = new Set(vocabulary.competencies.map((c) => c.name));
  for (const entry of entries) {
    const loaded = texts.get(entry.file.source);
    if (!loaded || !entry.doc.competencies.some((c) => c.nameInferred && !known.has(c.name) && !corpusNames.includes(c.name))) continue;
    const { warning, ...document } = loaded;
    const parsed = parseDocument({ source: entry.file.source, ...document }, { vocabulary, corpusNames });
    if (warning) parsed.meta.warnings = [...(parsed.meta.warnings ?? []), warning];
    const { sections: _sections, ...doc } = parsed;
    entry.doc = doc;
    entry.chunks = await chunkDocument(parsed);
  }
}

/** Glossary terms that occur in no document's text: probably a typo, or a word the documents do not use. */
function unusedTerms(knowledgeDir: string, entries: DocumentEntry[]): string[] {
  const glossary = readGlossary(knowledgeDir);
  if (!glossary) return [];
  const corpus = ` ${entries.flatMap((e) => e.chunks.map((c) => words(`${c.title} ${c.text}`).join(" "))).join(" ")} `;
  return Vocabulary.glossaryTerms(glossary).filter((term) => {
    const folded = words(term).join(" ");
    return folded && !corpus.includes(` ${folded} `);
  });
}
