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

/** One term's postings, ids ascending. Typed arrays: millions of postings stay a few bytes each. */
type Postings = { ids: Int32Array; tfs: Uint16Array };

/**
 * BM25 over stemmed Dutch/English words. Compound words are also indexed as
 * their parts; query words the corpus does not know are split into known
 * words or corrected to the nearest known word, so "servicedeskmedewerkr"
 * and "servicedesk medewerker" find the same sections.
 */
export class LexicalIndex {
  private readonly postings = new Map<string, Postings>();
  private readonly lengths: Uint32Array;
  private readonly averageLength: number;
  private readonly vocabulary = new Map<string, number>();
  private readonly splitter: CompoundSplitter;

  /** Documents are ids 0…count-1; `textOf` is asked for each text when needed, so no copy of all texts is held. */
  constructor(count: number, textOf: (id: number) => string) {
    const docs = {
      *[Symbol.iterator]() {
        for (let id = 0; id < count; id++) yield { id, text: textOf(id) };
      },
    };
    // Two passes that each tokenise again: holding every chunk's word list at once would double the peak memory.
    const tokens = (text: string) => words(text).filter((w) => !isStopword(w));
    for (const doc of docs) for (const word of tokens(doc.text)) this.vocabulary.set(word, (this.vocabulary.get(word) ?? 0) + 1);
    this.splitter = new CompoundSplitter(new Set([...this.vocabulary.keys()].filter((w) => w.length >= 4)));
    // Stemming and compound splitting once per distinct word, not once per occurrence.
    const termsOf = new Map<string, string[]>();
    for (const word of this.vocabulary.keys()) termsOf.set(word, this.expand([word]));
    const building = new Map<string, number[]>(); // term → [id, tf, id, tf, …]
    this.lengths = new Uint32Array(count);
    let total = 0;
    for (const doc of docs) {
      const docWords = tokens(doc.text);
      const counts = new Map<string, number>();
      for (const word of docWords) for (const term of termsOf.get(word)!) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = building.get(term);
        if (!list) building.set(term, (list = []));
        list.push(doc.id, Math.min(tf, 65535));
      }
      this.lengths[doc.id] = docWords.length;
      total += docWords.length;
    }
    for (const [term, flat] of building) {
      const ids = new Int32Array(flat.length / 2);
      const tfs = new Uint16Array(flat.length / 2);
      for (let i = 0; i < ids.length; i++) [ids[i], tfs[i]] = [flat[2 * i]!, flat[2 * i + 1]!];
      this.postings.set(term, { ids, tfs });
    }
    this.averageLength = total / Math.max(1, count);
  }

  /** Stems plus the stems of compound parts. */
  private expand(list: string[]): string[] {
    const out: string[] = [];
    for (const word of list) {
      out.push(stem(word));
      const parts = word.length >= 8 ? this.splitter.split(word) : undefined;
      if (parts) for (const part of parts) out.push(stem(part));
    }
    return out;
  }

  /** Query words the corpus knows stay; unknown ones are split or corrected. */
  queryTerms(query: string): string[] {
    return this.queryWords(query).flatMap((w) => w.terms);
  }

  private known(word: string): boolean {
    return this.vocabulary.has(word) || this.postings.has(stem(word));
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
  coverage(query: string, ignore: ReadonlySet<string>, relatives?: (word: string) => string[]): { topic: number; known: number } {
    const topic = this.topicWords(query, ignore);
    const known = (entry: { word: string; terms: string[]; spelled: string }) =>
      entry.terms.some((t) => this.postings.has(t)) || (relatives?.(entry.spelled).some((r) => this.queryTerms(r).some((t) => this.postings.has(t))) ?? false);
    return { topic: topic.length, known: topic.filter(known).length };
  }

  /**
   * The share of the query's topic words that occur in one chunk. Words that
   * each occur somewhere are no answer unless they occur together.
   */
  chunkCoverage(id: number, query: string, ignore: ReadonlySet<string>, relatives?: (word: string) => string[]): number {
    const topic = this.topicWords(query, ignore);
    if (!topic.length) return 1;
    const inChunk = (term: string) => {
      const ids = this.postings.get(term)?.ids;
      if (!ids) return false;
      // Postings are in id order: binary search.
      let lo = 0;
      let hi = ids.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = ids[mid]!;
        if (at === id) return true;
        if (at < id) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
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
   */
  search(query: string, k: number, accept?: (id: number) => boolean, extra = ""): Scored[] {
    const n = this.lengths.length;
    const scores = new Float64Array(n);
    const touched: number[] = [];
    const own = new Set(this.queryTerms(query));
    const weighted = [
      ...[...own].map((term) => [term, 1] as const),
      ...[...new Set(this.queryTerms(extra))].filter((t) => !own.has(t)).map((term) => [term, EXPANSION_WEIGHT] as const),
    ];
    for (const [term, weight] of weighted) {
      const list = this.postings.get(term);
      if (!list) continue;
      const { ids, tfs } = list;
      const idf = Math.log(1 + (n - ids.length + 0.5) / (ids.length + 0.5));
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (accept && !accept(id)) continue;
        const tf = tfs[i]!;
        const score = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[id]!) / this.averageLength));
        if (scores[id] === 0) touched.push(id);
        scores[id]! += weight * score;
      }
    }
    return topK(touched, (id) => scores[id]!, k);
  }
}
