import { z } from "zod";
import type { LevelRef, SectionKind } from "../domain/document.js";
import { checkColumns, checkOffsets, idsByValue, packBinary, unpackBinary } from "./binaryFile.js";
import type { Chunk } from "../domain/chunk.js";
import { LazyRecords } from "./lazyRecords.js";
import { setOfSource } from "../domain/audience.js";

/**
 * The chunks of an index (`chunks.bin` of a version folder). What search
 * filters on is kept in columns (document, kind, level label, competency),
 * read as views on the file; each chunk's path, section and level are a JSON
 * record, parsed the first time the chunk is shown; its text is plain UTF-8,
 * so a scan of every text decodes and never parses. A document's source,
 * title and system are stored once, not once per chunk. In the layout of
 * binaryFile:
 *
 *   header (documents, kinds, level labels, competency names, sizes) ·
 *   document u32[count] · level label i32[count] · competency i32[count] (−1: none) ·
 *   record offsets u32[count+1] · text offsets u32[count+1] · kind u8[count] ·
 *   records u8[bytes] · texts u8[textBytes]
 */
const CHUNK_FILE_FORMAT = 1;

const HeaderSchema = z.object({
  format: z.literal(CHUNK_FILE_FORMAT),
  count: z.number().int().nonnegative(),
  /** `set`: the document's set (top-level folder, "" for the root); stores written before sets existed derive it from the source. */
  documents: z.array(z.object({ source: z.string(), title: z.string(), system: z.string(), set: z.string().optional() })),
  kinds: z.array(z.string()),
  levels: z.array(z.string()),
  competencies: z.array(z.string()),
  bytes: z.number().int().nonnegative(),
  textBytes: z.number().int().nonnegative(),
});
type Header = z.infer<typeof HeaderSchema>;

/** What each chunk's JSON record holds: the text and the rest are in the columns. */
/** A chunk's record; `role` (a function list's row a section is about) comes last, so older records read as before. */
type ChunkRecord = [sectionId: string, path: string[], level?: LevelRef | null, role?: string];

/** Table of distinct strings, with the index of each (−1 for none). */
function table() {
  const values: string[] = [];
  const index = new Map<string, number>();
  return {
    values,
    of(value: string | undefined): number {
      if (value === undefined) return -1;
      let i = index.get(value);
      if (i === undefined) index.set(value, (i = values.push(value) - 1));
      return i;
    },
  };
}

export class ChunkStore {
  private readonly records: LazyRecords<Chunk>;
  private bySource?: Map<string, number[]>;

  private constructor(
    private readonly header: Header,
    private readonly documentOf: Uint32Array,
    private readonly levelOf: Int32Array,
    private readonly competencyOf: Int32Array,
    offsets: Uint32Array,
    private readonly textOffsets: Uint32Array,
    private readonly kindOf: Uint8Array,
    body: Buffer,
    private readonly texts: Buffer,
  ) {
    this.records = new LazyRecords<Chunk>(body, offsets, (json, id) => this.revive(json as ChunkRecord, id));
  }

  static toBuffer(chunks: Chunk[]): Buffer {
    const documents = new Map<string, number>();
    const documentList: Header["documents"] = [];
    const [kinds, levels, competencies] = [table(), table(), table()];
    const documentOf = new Uint32Array(chunks.length);
    const levelOf = new Int32Array(chunks.length);
    const competencyOf = new Int32Array(chunks.length);
    const kindOf = new Uint8Array(chunks.length);
    chunks.forEach((chunk, id) => {
      if (chunk.id !== id) throw new Error("chunk ids must be their positions");
      let doc = documents.get(chunk.source);
      if (doc === undefined) {
        documents.set(
          chunk.source,
          (doc = documentList.push({ source: chunk.source, title: chunk.title, system: chunk.system, set: setOfSource(chunk.source) }) - 1),
        );
      }
      documentOf[id] = doc;
      levelOf[id] = levels.of(chunk.level?.label);
      competencyOf[id] = competencies.of(chunk.competency);
      kindOf[id] = kinds.of(chunk.kind);
    });
    if (kinds.values.length > 255) throw new Error("too many section kinds");
    const record = (c: Chunk): ChunkRecord =>
      c.role ? [c.sectionId, c.path, c.level ?? null, c.role] : c.level ? [c.sectionId, c.path, c.level] : [c.sectionId, c.path];
    const { body, offsets } = LazyRecords.pack(chunks.map(record));
    const texts = chunks.map((c) => Buffer.from(c.text, "utf8"));
    const textOffsets = new Uint32Array(chunks.length + 1);
    texts.forEach((text, i) => (textOffsets[i + 1] = textOffsets[i]! + text.length));
    const header: Header = {
      format: CHUNK_FILE_FORMAT,
      count: chunks.length,
      documents: documentList,
      kinds: kinds.values,
      levels: levels.values,
      competencies: competencies.values,
      bytes: body.length,
      textBytes: textOffsets[chunks.length]!,
    };
    return packBinary(header, [documentOf, levelOf, competencyOf, offsets, textOffsets, kindOf, body, ...texts]);
  }

  /** Reads a stored chunk store: the header and the columns are checked, the records are parsed when asked for. */
  static fromBuffer(file: Buffer): ChunkStore {
    const { header: raw, arrays } = unpackBinary(file, "chunk store");
    const header = HeaderSchema.parse(raw);
    const n = header.count;
    const [documentOf, levelOf, competencyOf, offsets, textOffsets, kindOf, body, texts] = arrays(
      ["u32", n],
      ["i32", n],
      ["i32", n],
      ["u32", n + 1],
      ["u32", n + 1],
      ["u8", n],
      ["bytes", header.bytes],
      ["bytes", header.textBytes],
    );
    checkColumns(
      "chunk store",
      [documentOf, header.documents.length],
      [kindOf, header.kinds.length],
      [levelOf, header.levels.length],
      [competencyOf, header.competencies.length],
    );
    checkOffsets("chunk store", offsets, 0, header.bytes);
    checkOffsets("chunk store", textOffsets, 0, header.textBytes);
    return new ChunkStore(header, documentOf, levelOf, competencyOf, offsets, textOffsets, kindOf, body, texts);
  }

  get size(): number {
    return this.header.count;
  }

  get(id: number): Chunk {
    return this.records.get(id);
  }

  all(): Chunk[] {
    return this.records.all();
  }

  /** Whether any chunk's text passes: the texts are decoded one by one, nothing is parsed or kept. */
  someText(test: (text: string) => unknown, accept?: (id: number) => boolean): boolean {
    for (let id = 0; id < this.size; id++) if ((!accept || accept(id)) && test(this.text(id))) return true;
    return false;
  }

  private text(id: number): string {
    return this.texts.toString("utf8", this.textOffsets[id], this.textOffsets[id + 1]);
  }

  source(id: number): string {
    return this.header.documents[this.documentOf[id]!]!.source;
  }

  /** Which stored document a chunk belongs to (an index into documentSets()). */
  documentIndex(id: number): number {
    return this.documentOf[id]!;
  }

  /** Each stored document's set, in store order. */
  documentSets(): string[] {
    return this.header.documents.map((doc) => doc.set ?? setOfSource(doc.source));
  }

  system(id: number): string {
    return this.header.documents[this.documentOf[id]!]!.system;
  }

  kind(id: number): SectionKind {
    return this.header.kinds[this.kindOf[id]!] as SectionKind;
  }

  levelLabel(id: number): string | undefined {
    const level = this.levelOf[id]!;
    return level < 0 ? undefined : this.header.levels[level];
  }

  competency(id: number): string | undefined {
    const competency = this.competencyOf[id]!;
    return competency < 0 ? undefined : this.header.competencies[competency];
  }

  /** A document's chunk ids in order, grouped once per store. */
  idsOf(source: string): number[] {
    if (!this.bySource) {
      const byDocument = idsByValue(this.documentOf, this.header.documents.length);
      this.bySource = new Map(this.header.documents.map((doc, i) => [doc.source, byDocument[i]!]));
    }
    return this.bySource.get(source) ?? [];
  }

  private revive([sectionId, path, level, role]: ChunkRecord, id: number): Chunk {
    const doc = this.header.documents[this.documentOf[id]!]!;
    const competency = this.competency(id);
    // The keys in the order ingest writes them, absent ones left out (as JSON had them).
    return {
      sectionId,
      source: doc.source,
      title: doc.title,
      system: doc.system,
      path,
      kind: this.kind(id),
      text: this.text(id),
      ...(level ? { level } : {}),
      ...(competency !== undefined ? { competency } : {}),
      ...(role ? { role } : {}),
      id,
    };
  }
}
