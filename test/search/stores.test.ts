import { describe, expect, it } from "vitest";
import type { CompetencyFact, DocumentMeta, LevelFact } from "../../src/domain/document.js";
import type { Chunk } from "../../src/domain/chunk.js";
import { ChunkStore } from "../../src/search/chunkStore.js";
import { FactStore } from "../../src/search/factStore.js";

/** As a chunk reads back from JSON: keys with undefined values are absent. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const chunks: Chunk[] = [
  {
    sectionId: "a.txt#0",
    source: "a.txt",
    title: "Medewerker Publiekszaken",
    system: "rijk",
    path: ["Functietypering", "Schaal 6"],
    kind: "level",
    text: "Werkt zelfstandig; € 3.000 — ‘quotes’ and\nnew lines \\ too",
    level: { label: "Schaal 6", system: "rijk", scale: 6, rank: 6 },
    competency: undefined,
    id: 0,
  },
  {
    sectionId: "a.txt#1",
    source: "a.txt",
    title: "Medewerker Publiekszaken",
    system: "rijk",
    path: ["Competenties", "Samenwerken"],
    kind: "competency",
    text: "Werkt goed samen.",
    competency: "Samenwerken",
    id: 1,
  },
  { sectionId: "b.md#0", source: "b.md", title: "Adviseur", system: "generic", path: [], kind: "text", text: "", id: 2 },
  {
    sectionId: "a.txt#2",
    source: "a.txt",
    title: "Medewerker Publiekszaken",
    system: "rijk",
    path: ["Competenties", "Samenwerken"],
    kind: "interview-questions",
    text: "Vertel over een keer dat…",
    competency: "Samenwerken",
    id: 3,
  },
];

describe("the chunk store (chunks.bin)", () => {
  it("reads back every chunk as it was written, keys in the same order, and its columns without parsing it", () => {
    const store = ChunkStore.fromBuffer(ChunkStore.toBuffer(chunks));
    expect(store.size).toBe(4);
    for (const chunk of chunks) {
      const read = store.get(chunk.id);
      expect(read).toEqual(asStored(chunk));
      expect(Object.keys(read)).toEqual(Object.keys(asStored(chunk)));
      expect(store.source(chunk.id)).toBe(chunk.source);
      expect(store.system(chunk.id)).toBe(chunk.system);
      expect(store.kind(chunk.id)).toBe(chunk.kind);
      expect(store.levelLabel(chunk.id)).toBe(chunk.level?.label);
      expect(store.competency(chunk.id)).toBe(chunk.competency);
    }
    expect(store.get(1)).toBe(store.get(1)); // parsed once, then kept
    expect(store.idsOf("a.txt")).toEqual([0, 1, 3]);
    expect(store.idsOf("b.md")).toEqual([2]);
    expect(store.idsOf("c.txt")).toEqual([]);
    expect(store.someText((text) => text.includes("€ 3.000"))).toBe(true);
    expect(store.someText((text) => text.includes("nergens"))).toBe(false);
    expect(() => store.get(4)).toThrow(RangeError);
  });

  it("opens without parsing a chunk: a damaged record shows only when that chunk is asked for (the checksum guards the file)", () => {
    const file = ChunkStore.toBuffer(chunks);
    const at = file.lastIndexOf(Buffer.from("a.txt#1"));
    file.fill(1, at, at + 4); // control characters are not allowed in a JSON string
    const store = ChunkStore.fromBuffer(file);
    expect(store.get(0).text).toContain("Werkt zelfstandig");
    expect(store.competency(1)).toBe("Samenwerken");
    expect(() => store.get(1)).toThrow(SyntaxError);
  });

  it("refuses a truncated or padded file and columns that point outside the header's tables", () => {
    const file = ChunkStore.toBuffer(chunks);
    expect(() => ChunkStore.fromBuffer(file.subarray(0, file.length - 3))).toThrow(/size does not match/);
    expect(() => ChunkStore.fromBuffer(Buffer.concat([file, Buffer.alloc(4)]))).toThrow(/size does not match/);
    expect(() => ChunkStore.fromBuffer(file.subarray(0, 2))).toThrow(/truncated/);
    // The document column comes first after the header: point chunk 0 at a document that does not exist.
    const headerEnd = (4 + file.readUInt32LE(0) + 3) & ~3;
    const bad = Buffer.from(file);
    bad.writeUInt32LE(99, headerEnd);
    expect(() => ChunkStore.fromBuffer(bad)).toThrow(/columns do not match/);
  });

  it("refuses chunks whose ids are not their positions", () => {
    expect(() => ChunkStore.toBuffer([chunks[1]!])).toThrow(/positions/);
  });
});

const documents = [
  { source: "a.txt", title: "Medewerker Publiekszaken", system: "rijk", titleInferred: false, tags: [], jobLevels: [], facts: [], warnings: [] },
  { source: "b.md", title: "Adviseur", system: "generic", titleInferred: true, tags: ["x"], jobLevels: [], facts: [], warnings: ["no level found"] },
] as unknown as DocumentMeta[];
const fact = (source: string, name: string, extra: Partial<CompetencyFact> = {}): CompetencyFact => ({
  name,
  nameInferred: false,
  description: `${name} in ${source}`,
  indicators: ["Doet wat hij zegt"],
  questions: [],
  tips: [],
  levelDescriptions: [],
  path: ["Competenties", name],
  ...extra,
  source,
});
const competencies = [
  fact("a.txt", "Samenwerken", { questions: ["Vertel over een keer dat…"] }),
  fact("b.md", "Klantgerichtheid", { proficiency: "2", tips: ["Vraag door"] }),
  fact("a.txt", "Klantgerichtheid"),
];
const levels: LevelFact[] = [
  { label: "Schaal 6", scale: 6, rank: 6, system: "rijk", aspects: { Resultaten: ["a", "b"] }, path: ["Schaal 6"], source: "a.txt" },
  { label: "Schaal 7", scale: 7, rank: 7, system: "rijk", aspects: {}, path: ["Schaal 7"], source: "a.txt" },
];

describe("the fact store (facts.bin)", () => {
  it("reads back the documents, and each document's competency and level facts as written", () => {
    const store = FactStore.fromBuffer(FactStore.toBuffer({ documents, competencies, levels }));
    expect(store.documents).toEqual(documents);
    expect(store.competencyCount).toBe(3);
    expect(store.competenciesOf("a.txt")).toEqual([competencies[0], competencies[2]]);
    expect(Object.keys(store.competenciesOf("b.md")[0]!)).toEqual(Object.keys(competencies[1]!));
    expect(store.levelsOf("a.txt")).toEqual(levels);
    expect(store.levelsOf("b.md")).toEqual([]);
    expect(store.competenciesOf("c.txt")).toEqual([]);
    expect([0, 1, 2].map((id) => store.competencyNameOf(id))).toEqual(["Samenwerken", "Klantgerichtheid", "Klantgerichtheid"]);
    expect(store.findCompetency((c) => c.tips.length)?.source).toBe("b.md");
    expect(store.all()).toEqual({ documents, competencies, levels });
  });

  it("finds the first matching fact without parsing the ones after it", () => {
    const file = FactStore.toBuffer({ documents, competencies, levels });
    const at = file.lastIndexOf(Buffer.from("Klantgerichtheid in a.txt"));
    file.fill(1, at, at + 4);
    const store = FactStore.fromBuffer(file);
    expect(store.findCompetency((c) => c.questions.length)?.name).toBe("Samenwerken");
    expect(() => store.competenciesOf("a.txt")).toThrow(SyntaxError);
  });

  it("refuses a fact of a document it does not hold, a damaged header and a wrong size", () => {
    expect(() => FactStore.toBuffer({ documents, competencies: [fact("c.txt", "Integriteit")], levels: [] })).toThrow(/not among the documents/);
    const file = FactStore.toBuffer({ documents, competencies, levels });
    expect(() => FactStore.fromBuffer(file.subarray(0, file.length - 1))).toThrow(/size does not match/);
    const noTitle = FactStore.toBuffer({ documents: [{ ...documents[0]!, title: 3 as unknown as string }], competencies: [], levels: [] });
    expect(() => FactStore.fromBuffer(noTitle)).toThrow(/without source, title or system/);
  });
});
