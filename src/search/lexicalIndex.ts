import { CompoundSplitter } from "../text/compounds.js";
import { allowedTypos, editDistance } from "../text/fuzzy.js";
import { stem } from "../text/stem.js";
import { isStopword, words } from "../text/tokenize.js";
import { topK } from "./topK.js";

export type Scored = { id: number; score: number };

const K1 = 1.2;
const B = 0.75;

/** How much an expansion synonym counts relative to a word of the query itself. */
const EXPANSION_WEIGHT = 0.35;

/**
 * The postings of every term, flat: term t's documents are ids[offsets[t] … offsets[t+1]), ascending, with
 * their term frequencies in tfs. Typed arrays in one buffer: millions of postings stay a few bytes each, and
 * the stored form (lexicalIndexFile.ts) is loaded at start-up without rebuilding anything.
 */
export type LexicalData = {
  count: number;
  averageLength: number;
  /** Index terms (stems and compound-part stems), in posting-list order. */
  terms: string[];
  /** Corpus words (folded, before stemming) with how many times each occurs: typo correction and compound splitting. */
  words: string[];
  wordCounts: Uint32Array;
  lengths: Uint32Array;
  offsets: Uint32Array;
  /** Per term, the largest BM25 term-frequency part any document reaches: the MaxScore upper bound. */
  maxParts: Float32Array;
  ids: Int32Array;
  tfs: Uint16Array;
};

/** BM25's term-frequency part for a term occurring tf times in a document of `length` words. */
function tfPart(tf: number, length: number, averageLength: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength));
}

/** Reads every document's words and builds the postings: what ingest does once per index version. */
export function buildLexicalData(count: number, textOf: (id: number) => string): LexicalData {
  // Two passes that each tokenise again: holding every chunk's word list at once would double the peak memory.
  const tokens = (id: number) => words(textOf(id)).filter((w) => !isStopword(w));
  const vocabulary = new Map<string, number>();
  for (let id = 0; id < count; id++) for (const word of tokens(id)) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
  const splitter = new CompoundSplitter(new Set([...vocabulary.keys()].filter((w) => w.length >= 4)));
  // Stemming and compound splitting once per distinct word, not once per occurrence.
  const termIds = new Map<string, number>();
  const termsOf = new Map<string, number[]>();
  for (const word of vocabulary.keys())
    termsOf.set(
      word,
      expandWords([word], splitter).map((term) => {
        let t = termIds.get(term);
        if (t === undefined) termIds.set(term, (t = termIds.size));
        return t;
      }),
    );
  const building: number[][] = Array.from({ length: termIds.size }, () => []); // term → [id, tf, id, tf, …]
  const lengths = new Uint32Array(count);
  let total = 0;
  for (let id = 0; id < count; id++) {
    const docWords = tokens(id);
    const counts = new Map<number, number>();
    for (const word of docWords) for (const term of termsOf.get(word)!) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) building[term]!.push(id, Math.min(tf, 65535));
    lengths[id] = docWords.length;
    total += docWords.length;
  }
  const averageLength = total / Math.max(1, count);
  const offsets = new Uint32Array(termIds.size + 1);
  for (let t = 0; t < building.length; t++) offsets[t + 1] = offsets[t]! + building[t]!.length / 2;
  const ids = new Int32Array(offsets[termIds.size]!);
  const tfs = new Uint16Array(ids.length);
  const maxParts = new Float32Array(termIds.size);
  for (let t = 0; t < building.length; t++) {
    const flat = building[t]!;
    let max = 0;
    for (let i = 0, at = offsets[t]!; i < flat.length; i += 2, at++) {
      ids[at] = flat[i]!;
      tfs[at] = flat[i + 1]!;
      max = Math.max(max, tfPart(flat[i + 1]!, lengths[flat[i]!]!, averageLength));
    }
    maxParts[t] = max;
    building[t] = []; // let the collector have it while the rest is copied
  }
  return {
    count,
    averageLength,
    terms: [...termIds.keys()],
    words: [...vocabulary.keys()],
    wordCounts: Uint32Array.from(vocabulary.values()),
    lengths,
    offsets,
    maxParts,
    ids,
    tfs,
  };
}

/** Stems plus the stems of compound parts. */
function expandWords(list: string[], splitter: CompoundSplitter): string[] {
  const out: string[] = [];
  for (const word of list) {
    out.push(stem(word));
    const parts = word.length >= 8 ? splitter.split(word) : undefined;
    if (parts) for (const part of parts) out.push(stem(part));
  }
  return out;
}

/** One query term's share of the search: its postings and how much it can add to a document's score. */
type QueryTerm = { from: number; to: number; idf: number; weight: number; upper: number };

/**
 * BM25 over stemmed Dutch/English words. Compound words are also indexed as
 * their parts; query words the corpus does not know are split into known
 * words or corrected to the nearest known word, so "servicedeskmedewerkr"
 * and "servicedesk medewerker" find the same sections.
 */
export class LexicalIndex {
  private readonly termIds = new Map<string, number>();
  private readonly vocabulary = new Map<string, number>();
  private readonly splitter: CompoundSplitter;
  /** One score per document, reused by every search (searches are synchronous) and cleared after it. */
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  constructor(private readonly data: LexicalData) {
    data.terms.forEach((term, t) => this.termIds.set(term, t));
    data.words.forEach((word, i) => this.vocabulary.set(word, data.wordCounts[i]!));
    this.splitter = new CompoundSplitter(new Set(data.words.filter((w) => w.length >= 4)));
    this.scores = new Float64Array(data.count);
    this.touched = new Int32Array(data.count);
  }

  private postings(term: string): { ids: Int32Array; from: number; to: number } | undefined {
    const t = this.termIds.get(term);
    return t === undefined ? undefined : { ids: this.data.ids, from: this.data.offsets[t]!, to: this.data.offsets[t + 1]! };
  }

  private expand(list: string[]): string[] {
    return expandWords(list, this.splitter);
  }

  /** Query words the corpus knows stay; unknown ones are split or corrected. */
  queryTerms(query: string): string[] {
    return this.queryWords(query).flatMap((w) => w.terms);
  }

  private known(word: string): boolean {
    return this.vocabulary.has(word) || this.termIds.has(stem(word));
  }

  /**
   * Each content word of a query with the index terms it stands for. Two
   * words the documents write as one ("account manager" → accountmanager)
   * become that one word.
   */
  private readonly queryCache = new Map<string, { word: string; terms: string[]; spelled: string }[]>();

  private queryWords(query: string): { word: string; terms: string[]; spelled: string }[] {
    // One question asks for its words many times (search, coverage, each candidate); typo correction is not free.
    const cached = this.queryCache.get(query);
    if (cached) return cached;
    if (this.queryCache.size > 2000) this.queryCache.clear();
    const result = this.computeQueryWords(query);
    this.queryCache.set(query, result);
    return result;
  }

  private computeQueryWords(query: string): { word: string; terms: string[]; spelled: string }[] {
    const list = words(query).filter((w) => !isStopword(w));
    const out: { word: string; terms: string[]; spelled: string }[] = [];
    for (let i = 0; i < list.length; i++) {
      const word = list[i]!;
      const next = list[i + 1];
      if (next && !this.known(word) && this.vocabulary.has(word + next)) {
        out.push({ word: word + next, terms: this.expand([word + next]), spelled: word + next });
        i++;
        continue;
      }
      if (this.known(word)) {
        out.push({ word, terms: this.expand([word]), spelled: word });
        continue;
      }
      const parts = this.splitter.split(word);
      if (parts) {
        out.push({ word, terms: parts.map(stem), spelled: parts.join(" ") });
        continue;
      }
      const corrected = this.correct(word) ?? this.correctCompound(word);
      out.push({ word, terms: this.expand(corrected ? corrected.split(" ") : [word]), spelled: corrected ?? word });
    }
    return out;
  }

  /** The query's content words as the documents spell them: "servicedeskmedewerkr" → "servicedesk medewerker". */
  spelled(query: string): string {
    return this.queryWords(query)
      .map((w) => w.spelled)
      .join(" ");
  }

  /** The words a question is about: not stop words, not `ignore`d question words, not bare numbers. */
  private topicWords(query: string, ignore: ReadonlySet<string>): { word: string; terms: string[]; spelled: string }[] {
    return this.queryWords(query).filter(({ word }) => !ignore.has(stem(word)) && !/^\d+$/.test(word));
  }

  /**
   * How many of the query's words (besides `ignore`d stems) the corpus knows:
   * the support a question has. A word also counts when one of its
   * `relatives` (synonyms, translations) occurs in the corpus.
   */
  coverage(
    query: string,
    ignore: ReadonlySet<string>,
    relatives?: (word: string) => string[],
    hasTerm: (term: string) => boolean = (term) => this.termIds.has(term),
  ): { topic: number; known: number } {
    const topic = this.topicWords(query, ignore);
    const known = (entry: { word: string; terms: string[]; spelled: string }) =>
      entry.terms.some(hasTerm) || (relatives?.(entry.spelled).some((r) => this.queryTerms(r).some(hasTerm)) ?? false);
    return { topic: topic.length, known: topic.filter(known).length };
  }

  /** Whether a term occurs in any chunk that passes (a scoped view's "does the corpus know this word"). */
  occursIn(term: string, accept: (id: number) => boolean): boolean {
    const list = this.postings(term);
    if (!list) return false;
    for (let i = list.from; i < list.to; i++) if (accept(list.ids[i]!)) return true;
    return false;
  }

  /**
   * The share of the query's topic words that occur in one chunk. Words that
   * each occur somewhere are no answer unless they occur together.
   */
  chunkCoverage(id: number, query: string, ignore: ReadonlySet<string>, relatives?: (word: string) => string[]): number {
    const topic = this.topicWords(query, ignore);
    if (!topic.length) return 1;
    const inChunk = (term: string) => {
      const list = this.postings(term);
      return list !== undefined && findPosting(list.ids, list.from, list.to, id) >= 0;
    };
    return (
      topic.filter(({ terms, spelled }) => terms.some(inChunk) || (relatives?.(spelled).some((r) => this.queryTerms(r).some(inChunk)) ?? false)).length /
      topic.length
    );
  }

  /** A compound with a typo in its last part: "servicedeskmedewerkr" → "servicedesk medewerker". */
  private correctCompound(word: string): string | undefined {
    for (let end = word.length - 4; end >= 4; end--) {
      const head = word.slice(0, end);
      if (!this.vocabulary.has(head)) continue;
      const tail = this.correct(word.slice(end));
      if (tail) return `${head} ${tail}`;
    }
    return undefined;
  }

  private correct(word: string): string | undefined {
    const max = allowedTypos(word);
    if (!max) return undefined;
    let best: { word: string; distance: number; count: number } | undefined;
    for (const [candidate, count] of this.vocabulary) {
      if (Math.abs(candidate.length - word.length) > max || candidate[0] !== word[0]) continue;
      const distance = editDistance(word, candidate, max);
      if (distance > max) continue;
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
    }
    return best?.word;
  }

  /**
   * BM25. `extra` holds synonyms from query expansion: they count for less
   * than the asker's own words, so a broad synonym group cannot outvote them.
   *
   * Term at a time with MaxScore pruning: terms go from the highest possible
   * contribution down; once the k-th best score so far beats everything the
   * remaining terms could still add, no new document can enter the top k, so
   * the remaining (common, long) terms only update the candidates that can
   * still reach it, looked up by binary search instead of walking every posting.
   */
  search(query: string, k: number, accept?: (id: number) => boolean, extra = ""): Scored[] {
    const { count, averageLength, lengths, maxParts, ids, tfs, offsets } = this.data;
    const own = new Set(this.queryTerms(query));
    const weighted = [
      ...[...own].map((term) => [term, 1] as const),
      ...[...new Set(this.queryTerms(extra))].filter((t) => !own.has(t)).map((term) => [term, EXPANSION_WEIGHT] as const),
    ];
    const terms: QueryTerm[] = [];
    for (const [term, weight] of weighted) {
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      const df = offsets[t + 1]! - offsets[t]!;
      const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
      // float32 storage may round the bound down a hair; a bound must never be below a real score.
      terms.push({ from: offsets[t]!, to: offsets[t + 1]!, idf, weight, upper: weight * idf * maxParts[t]! * (1 + 1e-6) });
    }
    terms.sort((a, b) => b.upper - a.upper);
    const remaining = new Float64Array(terms.length + 1); // remaining[i]: the most terms i… can still add
    for (let i = terms.length - 1; i >= 0; i--) remaining[i] = remaining[i + 1]! + terms[i]!.upper;
    const { scores, touched } = this;
    let size = 0;
    let highest = 0; // the highest score so far: the k-th best cannot beat it, so below `remaining` no heap pass is needed
    let closed = false; // no new document can reach the top k any more
    for (const [i, term] of terms.entries()) {
      // Closed, or about to be: candidates that cannot reach the k-th best with everything still to come drop
      // out, again after each term (what is still to come shrinks, so the candidates do too).
      if (size > k && i > 0 && (closed || highest > remaining[i]!)) {
        const threshold = kthBest(touched, size, scores, k);
        if (threshold > remaining[i]!) closed = true;
        if (closed) {
          let kept = 0;
          for (let j = 0; j < size; j++) {
            const id = touched[j]!;
            if (scores[id]! + remaining[i]! >= threshold) touched[kept++] = id;
            else scores[id] = 0;
          }
          size = kept;
        }
      }
      const score = (at: number, id: number) => term.weight * term.idf * tfPart(tfs[at]!, lengths[id]!, averageLength);
      if (closed && size * Math.log2(term.to - term.from + 1) < term.to - term.from) {
        for (let j = 0; j < size; j++) {
          const id = touched[j]!;
          const at = findPosting(ids, term.from, term.to, id);
          if (at >= 0) scores[id]! += score(at, id);
        }
        continue;
      }
      for (let at = term.from; at < term.to; at++) {
        const id = ids[at]!;
        if (scores[id] === 0) {
          if (closed || (accept && !accept(id))) continue;
          touched[size++] = id;
        }
        const total = scores[id]! + score(at, id);
        scores[id] = total;
        if (total > highest) highest = total;
      }
    }
    const best = topK(touched.subarray(0, size), (id) => scores[id]!, k);
    for (let j = 0; j < size; j++) scores[touched[j]!] = 0;
    return best;
  }
}

/** The position of `id` in a postings range (ids ascending), or -1. */
function findPosting(ids: Int32Array, from: number, to: number, id: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = ids[mid]!;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The k-th highest score among the touched documents (a k-sized min-heap pass). */
function kthBest(touched: Int32Array, size: number, scores: Float64Array, k: number): number {
  const best = topK(touched.subarray(0, size), (id) => scores[id]!, k);
  return best.length < k ? 0 : best[k - 1]!.score;
}
