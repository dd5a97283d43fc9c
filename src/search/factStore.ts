import { z } from "zod";
import type { CompetencyFact, DocumentMeta, LevelFact } from "../domain/document.js";
import { checkColumns, checkOffsets, idsByValue, packBinary, unpackBinary } from "./binaryFile.js";
import { LazyRecords } from "./lazyRecords.js";

/**
 * The facts extracted at ingest (`facts.bin` of a version folder): the
 * documents in the header, read at open; the competency and level facts as
 * JSON records, parsed when a question needs them (a 10,000-profile corpus
 * has ~25,000 competency facts, and one answer reads a few dozen). Which
 * document each fact belongs to, and each competency fact's name, are
 * columns, so the per-index tables are built without parsing a record.
 * In the layout of binaryFile:
 *
 *   header (documents, competency names, counts) ·
 *   competency document u32[c] · competency name u32[c] · competency offsets u32[c+1] ·
 *   level document u32[l] · level offsets u32[l+1] · records u8[bytes] (competencies, then levels)
 */
const FACT_FILE_FORMAT = 1;

const HeaderSchema = z.object({
  format: z.literal(FACT_FILE_FORMAT),
  // Checked, not copied: zod would clone each of 10,000 documents at every start.
  documents: z.array(z.custom<DocumentMeta>(isDocument, "a document without source, title or system")),
  names: z.array(z.string()),
  competencies: z.number().int().nonnegative(),
  levels: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});

function isDocument(value: unknown): boolean {
  const doc = value as Partial<DocumentMeta> | null;
  return typeof doc === "object" && doc !== null && typeof doc.source === "string" && typeof doc.title === "string" && typeof doc.system === "string";
}

export type Facts = { documents: DocumentMeta[]; competencies: CompetencyFact[]; levels: LevelFact[] };

export class FactStore {
  private readonly competencies: LazyRecords<CompetencyFact>;
  private readonly levels: LazyRecords<LevelFact>;
  private groups?: { competencies: number[][]; levels: number[][]; bySource: Map<string, number> };

  private constructor(
    readonly documents: DocumentMeta[],
    private readonly names: string[],
    private readonly competencyDocument: Uint32Array,
    private readonly competencyName: Uint32Array,
    competencyOffsets: Uint32Array,
    private readonly levelDocument: Uint32Array,
    levelOffsets: Uint32Array,
    body: Buffer,
  ) {
    const source = (document: Uint32Array, id: number) => documents[document[id]!]!.source;
    this.competencies = new LazyRecords<CompetencyFact>(body, competencyOffsets, (json, id) => ({
      name: names[competencyName[id]!]!,
      ...(json as Omit<CompetencyFact, "name" | "source">),
      source: source(competencyDocument, id),
    }));
    this.levels = new LazyRecords<LevelFact>(body, levelOffsets, (json, id) => ({ ...(json as Omit<LevelFact, "source">), source: source(levelDocument, id) }));
  }

  static toBuffer(facts: Facts): Buffer {
    const documentIndex = new Map(facts.documents.map((doc, i) => [doc.source, i]));
    const documentOf = (fact: { source: string }) => {
      const i = documentIndex.get(fact.source);
      if (i === undefined) throw new Error(`a fact of ${fact.source}, which is not among the documents`);
      return i;
    };
    const names: string[] = [];
    const nameIndex = new Map<string, number>();
    const competencyName = Uint32Array.from(facts.competencies, ({ name }) => {
      let i = nameIndex.get(name);
      if (i === undefined) nameIndex.set(name, (i = names.push(name) - 1));
      return i;
    });
    const { body, offsets } = LazyRecords.pack([
      ...facts.competencies.map(({ name: _name, source: _source, ...rest }) => rest),
      ...facts.levels.map(({ source: _source, ...rest }) => rest),
    ]);
    const c = facts.competencies.length;
    const header = { format: FACT_FILE_FORMAT, documents: facts.documents, names, competencies: c, levels: facts.levels.length, bytes: body.length };
    return packBinary(header, [
      Uint32Array.from(facts.competencies, documentOf),
      competencyName,
      offsets.subarray(0, c + 1),
      Uint32Array.from(facts.levels, documentOf),
      offsets.subarray(c),
      body,
    ]);
  }

  /** Reads stored facts: the header and the columns are checked, the records are parsed when asked for. */
  static fromBuffer(file: Buffer): FactStore {
    const { header: raw, arrays } = unpackBinary(file, "fact store");
    const header = HeaderSchema.parse(raw);
    const [c, l] = [header.competencies, header.levels];
    const [competencyDocument, competencyName, competencyOffsets, levelDocument, levelOffsets, body] = arrays(
      ["u32", c],
      ["u32", c],
      ["u32", c + 1],
      ["u32", l],
      ["u32", l + 1],
      ["bytes", header.bytes],
    );
    const documents = header.documents.length;
    checkColumns("fact store", [competencyDocument, documents], [levelDocument, documents], [competencyName, header.names.length]);
    // Competency records, then level records, in the one body.
    checkOffsets("fact store", competencyOffsets, 0, levelOffsets[0]!);
    checkOffsets("fact store", levelOffsets, competencyOffsets[c]!, header.bytes);
    return new FactStore(header.documents, header.names, competencyDocument, competencyName, competencyOffsets, levelDocument, levelOffsets, body);
  }

  get competencyCount(): number {
    return this.competencies.size;
  }

  competency(id: number): CompetencyFact {
    return this.competencies.get(id);
  }

  /** A competency fact's name, without parsing the fact. */
  competencyNameOf(id: number): string {
    return this.names[this.competencyName[id]!]!;
  }

  /** The document a competency fact belongs to, without parsing the fact. */
  competencySource(id: number): string {
    return this.documents[this.competencyDocument[id]!]!.source;
  }

  /** The first competency fact that passes, parsing only as far as it. */
  findCompetency(test: (fact: CompetencyFact) => unknown): CompetencyFact | undefined {
    return this.competencies.find(test);
  }

  competenciesOf(source: string): CompetencyFact[] {
    const document = this.grouped().bySource.get(source);
    return document === undefined ? [] : this.grouped().competencies[document]!.map((id) => this.competencies.get(id));
  }

  levelsOf(source: string): LevelFact[] {
    const document = this.grouped().bySource.get(source);
    return document === undefined ? [] : this.grouped().levels[document]!.map((id) => this.levels.get(id));
  }

  /** Every fact, parsed (ingest reuses them). */
  all(): Facts {
    return { documents: this.documents, competencies: this.competencies.all(), levels: this.levels.all() };
  }

  /** Fact ids per document, from the columns, once per store. */
  private grouped(): NonNullable<FactStore["groups"]> {
    if (!this.groups) {
      this.groups = {
        competencies: idsByValue(this.competencyDocument, this.documents.length),
        levels: idsByValue(this.levelDocument, this.documents.length),
        bySource: new Map(this.documents.map((doc, i) => [doc.source, i])),
      };
    }
    return this.groups;
  }
}
