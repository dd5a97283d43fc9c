import { describe, expect, it } from "vitest";
import { buildLexicalData, LexicalIndex, type LexicalData } from "../../src/search/lexicalIndex.js";
import { lexicalDataFromBuffer, lexicalDataToBuffer } from "../../src/search/lexicalIndexFile.js";

/** A deterministic corpus with a skewed word distribution: a few words in most chunks, many rare ones. */
function corpus(count: number): string[] {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const vocabulary = Array.from({ length: 400 }, (_, i) => `woord${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
  return Array.from({ length: count }, () =>
    Array.from({ length: 5 + Math.floor(random() * 60) }, () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!).join(" "),
  );
}

/** BM25 over every posting of every term, no pruning: what the pruned search must reproduce. */
function exhaustive(index: LexicalIndex, data: LexicalData, query: string, k: number, accept?: (id: number) => boolean, extra = "") {
  const scores = new Map<number, number>();
  const own = new Set(index.queryTerms(query));
  const weighted: [string, number][] = [...own]
    .map((t): [string, number] => [t, 1])
    .concat([...new Set(index.queryTerms(extra))].filter((t) => !own.has(t)).map((t): [string, number] => [t, 0.35]));
  for (const [term, weight] of weighted) {
    const t = data.terms.indexOf(term);
    if (t < 0) continue;
    const df = data.offsets[t + 1]! - data.offsets[t]!;
    const idf = Math.log(1 + (data.count - df + 0.5) / (df + 0.5));
    for (let at = data.offsets[t]!; at < data.offsets[t + 1]!; at++) {
      const id = data.ids[at]!;
      if (accept && !accept(id)) continue;
      const tf = data.tfs[at]!;
      const part = (tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * data.lengths[id]!) / data.averageLength));
      scores.set(id, (scores.get(id) ?? 0) + weight * idf * part);
    }
  }
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
}

describe("lexical index", () => {
  const texts = corpus(3000);
  const data = buildLexicalData(texts.length, (id) => texts[id]!);
  const index = new LexicalIndex(data);
  const queries = Array.from({ length: 60 }, (_, i) =>
    texts[(i * 37) % texts.length]!.split(" ")
      .slice(i % 5, (i % 5) + 2 + (i % 4))
      .join(" "),
  );

  it("prunes with MaxScore yet returns exactly the exhaustive BM25 top k, with and without a filter and synonyms", () => {
    for (const [i, query] of queries.entries()) {
      const accept = i % 3 === 0 ? (id: number) => id % 2 === 0 : undefined;
      const extra = i % 4 === 0 ? texts[i]!.split(" ").slice(0, 2).join(" ") : "";
      for (const k of [1, 5, 40]) {
        const got = index.search(query, k, accept, extra).map((s) => [s.id, s.score] as const);
        const want = exhaustive(index, data, query, k, accept, extra);
        expect(got.map(([id]) => id)).toEqual(want.map(([id]) => id));
        got.forEach(([, score], j) => expect(score).toBeCloseTo(want[j]![1], 9));
      }
    }
  });

  it("leaves nothing behind between searches (the score buffer is reused)", () => {
    const first = index.search(queries[0]!, 10);
    index.search(queries[1]!, 10);
    expect(index.search(queries[0]!, 10)).toEqual(first);
  });

  it("stores and loads the postings without rebuilding, and answers the same", () => {
    const loaded = new LexicalIndex(lexicalDataFromBuffer(lexicalDataToBuffer(data)));
    for (const query of queries.slice(0, 20)) expect(loaded.search(query, 8)).toEqual(index.search(query, 8));
    expect(loaded.spelled("woordaaa woordba")).toBe(index.spelled("woordaaa woordba"));
  });

  it("refuses a stored index that is cut short or padded, with a clear error", () => {
    const stored = lexicalDataToBuffer(data);
    expect(() => lexicalDataFromBuffer(stored.subarray(0, stored.length - 2))).toThrow(/size does not match/);
    expect(() => lexicalDataFromBuffer(Buffer.concat([stored, Buffer.alloc(4)]))).toThrow(/size does not match/);
    expect(() => lexicalDataFromBuffer(stored.subarray(0, 10))).toThrow(/truncated/);
    // A header from another format version is an error, not a misread.
    const other = Buffer.from(stored);
    other.write('"format":9', other.indexOf('"format":1'), "utf8");
    expect(() => lexicalDataFromBuffer(other)).toThrow(/format/);
  });
});
