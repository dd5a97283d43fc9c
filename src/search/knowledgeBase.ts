import { fold } from "../text/normalize.js";
import type { CompetencyFact, DocumentMeta, LevelFact, SectionKind } from "../domain/document.js";
import type { StoredSalaryTable } from "../domain/salaryTable.js";
import { chunkContext, type Chunk } from "../domain/chunk.js";
import type { Embedder } from "./embeddings/select.js";
import { basename } from "node:path";
import { silentLogger, type Logger } from "../platform/logger.js";
import { DamagedGraphError, readServingIndex } from "./servingIndex.js";
import { IndexUnreadableError, readManifest, rewriteGraph, unreadable, versionDirs, type Manifest, type ServingIndexData } from "./indexFiles.js";
import type { ChunkStore } from "./chunkStore.js";
import type { FactStore } from "./factStore.js";
import { LexicalIndex, type Scored } from "./lexicalIndex.js";
import { prepareQuery, type PreparedQuery } from "./queryExpansion.js";
import { VectorIndex } from "./vectorIndex.js";
import { loadVocabulary } from "../vocabulary/load.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";
import { CompetencyIndex } from "./competencyIndex.js";
import { SetScope } from "../domain/accessPolicy.js";
import { setOfSource } from "../domain/audience.js";

export type SearchFilter = {
  /** Substring of the classification system, case-insensitive ("rijk", "ufo"). */
  system?: string;
  /** Document source (path relative to the knowledge dir). */
  source?: string;
  /** Level label, e.g. "Schaal 6". */
  level?: string;
  kinds?: SectionKind[];
  competency?: string;
};

/** The vocabulary an index was built with (packs + its knowledge folder's glossary). */
function vocabularyFor(manifest: Manifest): Vocabulary {
  try {
    return loadVocabulary(manifest.knowledgeDir);
  } catch {
    // A glossary that no longer parses must not stop an index from serving: the packs alone still work.
    return loadVocabulary();
  }
}

export type SearchHit = { chunk: Chunk; score: number; lexicalRank?: number; vectorRank?: number };

/** Reciprocal rank fusion constant: the usual 60 keeps one list's top hit from drowning the other. */
const RRF_K = 60;
const CANDIDATES = 40;
const KIND_BONUS = 1 / (RRF_K + 3);

/** Distinct scoped views kept per index; beyond this the oldest are dropped (rebuilt when asked for again). */
const MAX_VIEWS = 64;

/**
 * A loaded index: chunks, extracted facts, and hybrid (BM25 + vector) search
 * over them. within(scope) gives the same index as one audience sees it: every
 * document list, fact lookup, chunk scan and both searches (the filter runs
 * inside BM25's postings loop and inside hnswlib's graph walk) see only the
 * scope's sets, so no count, nearest document or suggestion comes from a set
 * the audience may not use.
 */
export class KnowledgeBase {
  private constructor(
    readonly manifest: Manifest,
    private readonly chunks: ChunkStore,
    private readonly facts: FactStore,
    private readonly lexical: LexicalIndex,
    private readonly vectors: VectorIndex,
    private readonly embedder: Embedder,
    /** The vocabulary the index was read with (packs + the knowledge folder's glossary). */
    readonly vocabulary: Vocabulary,
    /** The sets this view shows; every set for the index itself. */
    readonly scope: SetScope = SetScope.ALL,
  ) {
    if (!scope.all) {
      const allowed = Uint8Array.from(chunks.documentSets(), (set) => (scope.allows(set) ? 1 : 0));
      this.visibleChunk = (id) => allowed[chunks.documentIndex(id)] === 1;
    }
  }

  /** The version folder this index was read from (a damaged newest version falls back to an older one). */
  version = "";

  /** Set in a scoped view: whether a chunk id is in the scope's sets. */
  private readonly visibleChunk?: (id: number) => boolean;
  private readonly views = new Map<string, KnowledgeBase>();
  private visibleDocuments?: DocumentMeta[];

  /**
   * This index as an audience with `scope` sees it: the index itself when the
   * scope covers every set it holds, else a view built once per distinct scope
   * (its lookup tables, per view, then serve every later question of that scope).
   */
  within(scope: SetScope): KnowledgeBase {
    if (scope.all) return this.root;
    if (this.root !== this) return this.root.within(scope);
    this.setNames ??= [...new Set([...this.chunks.documentSets(), ...this.facts.documents.map((doc) => setOfSource(doc.source))])];
    if (this.setNames.every((set) => scope.allows(set))) return this;
    let view = this.views.get(scope.key);
    if (!view) {
      if (this.views.size >= MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
      view = new KnowledgeBase(this.manifest, this.chunks, this.facts, this.lexical, this.vectors, this.embedder, this.vocabulary, scope);
      view.version = this.version;
      view.root = this;
      this.views.set(scope.key, view);
    }
    return view;
  }

  private root: KnowledgeBase = this;
  /** The distinct sets the index holds, listed once. */
  private setNames?: string[];

  /** Whether a document (by source) is in this view's sets. */
  shows(source: string): boolean {
    return this.scope.allows(setOfSource(source));
  }

  /** Every document this view may show, salary tables included (the inventory, the source view). */
  get allDocuments(): DocumentMeta[] {
    if (this.scope.all) return this.facts.documents;
    this.visibleDocuments ??= this.facts.documents.filter((doc) => this.shows(doc.source));
    return this.visibleDocuments;
  }

  private jobDocuments?: DocumentMeta[];
  /** The job descriptions (the roles) this view may show; salary table documents are not among them. */
  get documents(): DocumentMeta[] {
    return (this.jobDocuments ??= this.allDocuments.filter((doc) => doc.kind !== "salary-table"));
  }

  private storedSalaryTables?: StoredSalaryTable[];
  /** Every salary table this view may show, with its document. */
  get salaryTables(): StoredSalaryTable[] {
    return (this.storedSalaryTables ??= this.allDocuments.flatMap((doc) =>
      (doc.salaryTables ?? []).map((table) => ({ ...table, source: doc.source, title: doc.title })),
    ));
  }

  private visibleChunks?: number;

  get chunkCount(): number {
    if (!this.visibleChunk) return this.chunks.size;
    if (this.visibleChunks === undefined) {
      let n = 0;
      for (let id = 0; id < this.chunks.size; id++) if (this.visibleChunk(id)) n++;
      this.visibleChunks = n;
    }
    return this.visibleChunks;
  }

  /** A chunk by id (parsed the first time it is asked for). */
  chunk(id: number): Chunk {
    return this.chunks.get(id);
  }

  /** Whether any chunk's text passes: a once-per-index scan that parses no chunk. */
  someChunkText(test: (text: string) => unknown): boolean {
    return this.chunks.someText(test, this.visibleChunk);
  }

  /** Every chunk, parsed (evaluations; serving never needs them all). */
  allChunks(): Chunk[] {
    const visible = this.visibleChunk;
    return visible ? this.chunks.all().filter((chunk) => visible(chunk.id)) : this.chunks.all();
  }

  /** The first competency fact that passes, in document order, parsing only as far as it. */
  findCompetency(test: (fact: CompetencyFact) => unknown): CompetencyFact | undefined {
    return this.facts.findCompetency((fact) => this.shows(fact.source) && test(fact));
  }

  private competencyIndex?: CompetencyIndex;
  /** Competency facts grouped by the competency they are about, built once per index (per view: only its sets' facts). */
  get competencyNames(): CompetencyIndex {
    if (!this.competencyIndex) {
      const facts = this.facts;
      if (this.scope.all) this.competencyIndex = new CompetencyIndex(facts, this.vocabulary);
      else {
        const ids: number[] = [];
        for (let id = 0; id < facts.competencyCount; id++) if (this.shows(facts.competencySource(id))) ids.push(id);
        const visible = {
          competencyCount: ids.length,
          competencyNameOf: (i: number) => facts.competencyNameOf(ids[i]!),
          competency: (i: number) => facts.competency(ids[i]!),
        };
        this.competencyIndex = new CompetencyIndex(visible, this.vocabulary);
      }
    }
    return this.competencyIndex;
  }

  /**
   * Opens the newest intact index version. Every file is checked against the
   * manifest's checksums before it is parsed, and the graph before the native
   * hnswlib loader sees it (a damaged graph crashes the process there). A
   * damaged version is skipped with a warning and the previous one served;
   * when no version is intact but one has a damaged graph and intact chunks,
   * its graph is rebuilt from the chunks (embedded again) and rewritten (once,
   * not at every start).
   */
  static async open(indexDir: string, embedder: Embedder, options: { logger?: Logger } = {}): Promise<KnowledgeBase> {
    const logger = options.logger ?? silentLogger;
    const dirs = await versionDirs(indexDir);
    if (!dirs.length) throw new IndexUnreadableError(`no index in ${indexDir}`);
    const problems: string[] = [];
    let repairable: { dir: string; data: ServingIndexData } | undefined;
    for (const [i, dir] of dirs.entries()) {
      try {
        const manifest = await readManifest(dir).catch((error: unknown) => {
          throw unreadable(dir, error);
        });
        if (manifest.embedder !== embedder.id) throw new Error(`built with ${manifest.embedder}, not ${embedder.id}`);
        const reading = readServingIndex(dir, manifest);
        // The vocabulary is parsed while another thread checks and loads the files.
        const vocabulary = vocabularyFor(manifest);
        const { data, graph } = await reading;
        if (i > 0)
          logger.warn(
            { served: basename(dir), damaged: problems },
            "newest index version is damaged; serving the previous version (run an ingest to replace it)",
          );
        return KnowledgeBase.from(data, graph, embedder, basename(dir), vocabulary);
      } catch (error) {
        if (error instanceof DamagedGraphError) repairable ??= { dir, data: error.data };
        const reason = (error as Error).message.replace(/^index at \S+ is unreadable: /, "");
        problems.push(`${basename(dir)}: ${reason}`);
        logger.warn({ version: basename(dir), reason }, "index version unusable");
      }
    }
    if (repairable) {
      const { dir, data } = repairable;
      const embedded = await embedder.embeddings.embedDocuments(data.chunks.all().map((chunk) => chunkContext(chunk)));
      const vectors = VectorIndex.build(embedded, data.manifest.dimensions);
      try {
        await rewriteGraph(dir, data.manifest, (file) => vectors.write(file));
        logger.warn({ version: basename(dir) }, "index graph was damaged; rebuilt it from the stored chunks and rewrote it");
      } catch (error) {
        // A read-only or full disk: serve the rebuilt graph from memory all the same.
        logger.warn(
          { version: basename(dir), err: (error as Error).message },
          "index graph was damaged; rebuilt it from the stored chunks but could not rewrite it",
        );
      }
      return KnowledgeBase.from(data, vectors, embedder, basename(dir), vocabularyFor(data.manifest));
    }
    throw new IndexUnreadableError(`index in ${indexDir} is unreadable: no usable version (${problems.join("; ")})`);
  }

  private static from(data: ServingIndexData, vectors: VectorIndex, embedder: Embedder, version: string, vocabulary: Vocabulary): KnowledgeBase {
    const lexical = new LexicalIndex(data.lexical);
    const kb = new KnowledgeBase(data.manifest, data.chunks, data.facts, lexical, vectors, embedder, vocabulary);
    kb.version = version;
    return kb;
  }

  private bySource?: Map<string, DocumentMeta>;

  levelsOf(source: string): LevelFact[] {
    return this.shows(source) ? this.facts.levelsOf(source) : [];
  }

  competenciesOf(source: string): CompetencyFact[] {
    return this.shows(source) ? this.facts.competenciesOf(source) : [];
  }

  chunksOf(source: string): Chunk[] {
    return this.shows(source) ? this.chunks.idsOf(source).map((id) => this.chunks.get(id)) : [];
  }

  private euroAmounts?: boolean;

  /** Whether any document states an amount in euros (salary questions need one). */
  get mentionsEuroAmounts(): boolean {
    this.euroAmounts ??= this.chunks.someText((text) => /€\s?\d|\d\s?(euro|eur)\b/i.test(text));
    return this.euroAmounts;
  }

  private bySystem?: Map<string, string[]>;

  /** Sources of one classification system, grouped once per index. */
  sourcesInSystem(system: string): string[] {
    if (!this.bySystem) {
      this.bySystem = new Map();
      for (const doc of this.documents) {
        const list = this.bySystem.get(doc.system);
        if (list) list.push(doc.source);
        else this.bySystem.set(doc.system, [doc.source]);
      }
    }
    return this.bySystem.get(system) ?? [];
  }

  document(source: string): DocumentMeta | undefined {
    this.bySource ??= new Map(this.allDocuments.map((doc) => [doc.source, doc]));
    return this.bySource.get(source);
  }

  /** The search filter: the view's sets and the question's filter, both checked inside the searches. */
  private acceptor(filter: SearchFilter | undefined): ((id: number) => boolean) | undefined {
    const visible = this.visibleChunk;
    const accept = this.filterAcceptor(filter);
    if (!visible) return accept;
    const size = this.chunks.size;
    return accept ? (id) => id >= 0 && id < size && visible(id) && accept(id) : (id) => id >= 0 && id < size && visible(id);
  }

  private filterAcceptor(filter: SearchFilter | undefined): ((id: number) => boolean) | undefined {
    if (!filter) return undefined;
    const system = filter.system && fold(filter.system);
    const level = filter.level && fold(filter.level);
    const competency = filter.competency && fold(filter.competency);
    // The filter runs once per posting of every query term: fold each distinct value once, not per chunk.
    const folded = new Map<string, string>();
    const foldOnce = (text: string) => {
      let result = folded.get(text);
      if (result === undefined) folded.set(text, (result = fold(text)));
      return result;
    };
    // From the store's columns: filtering never parses a chunk.
    const chunks = this.chunks;
    return (id) => {
      if (!(id >= 0 && id < chunks.size)) return false;
      if (system && !foldOnce(chunks.system(id)).includes(system)) return false;
      if (filter.source && chunks.source(id) !== filter.source) return false;
      if (level && foldOnce(chunks.levelLabel(id) ?? "") !== level) return false;
      if (filter.kinds && !filter.kinds.includes(chunks.kind(id))) return false;
      if (competency && foldOnce(chunks.competency(id) ?? "") !== competency) return false;
      return true;
    };
  }

  /** The stems the lexical index searches for (after compound splitting and typo correction). */
  queryTerms(query: string): string[] {
    return this.lexical.queryTerms(query);
  }

  /** Question words the corpus knows, directly or through a vocabulary relative (synonym, translation). */
  coverage(query: string, ignore: ReadonlySet<string>): { topic: number; known: number } {
    return this.lexical.coverage(query, ignore, this.relativesIn(query), this.knownTerm());
  }

  private knownTerms?: Map<string, boolean>;

  /** In a scoped view a word is known only when a chunk of the view's sets holds it: a refusal tells nothing of other sets. */
  private knownTerm(): ((term: string) => boolean) | undefined {
    const visible = this.visibleChunk;
    if (!visible) return undefined;
    const known = (this.knownTerms ??= new Map());
    return (term) => {
      let found = known.get(term);
      if (found === undefined) {
        if (known.size > 50_000) known.clear();
        known.set(term, (found = this.lexical.occursIn(term, visible)));
      }
      return found;
    };
  }

  /**
   * The relatives of each word of a query: the other members of the synonym
   * groups whose phrases it stands in ("help" in "help line" → helpdesk,
   * servicedesk, …), else the word's own relatives.
   */
  private relativesIn(query: string): (word: string) => string[] {
    const byWord = new Map<string, string[]>();
    for (const { group, matched } of this.vocabulary.synonymsIn(`${query} ${this.spelled(query)}`)) {
      for (const phrase of matched) for (const word of phrase.split(" ")) byWord.set(word, [...(byWord.get(word) ?? []), ...group]);
    }
    return (word) => byWord.get(fold(word)) ?? this.vocabulary.relatives(word);
  }

  /** The query's words as the documents spell them (typos corrected, compounds split); for synonym lookup. */
  spelled(query: string): string {
    return this.lexical.spelled(query);
  }

  /** The share of the query's topic words found together in one chunk. */
  chunkCoverage(chunkId: number, query: string, ignore: ReadonlySet<string>): number {
    return this.lexical.chunkCoverage(chunkId, query, ignore, this.relativesIn(query));
  }

  lexicalSearch(query: string, k: number, filter?: SearchFilter, extra = ""): Scored[] {
    return this.lexical.search(query, k, this.acceptor(filter), extra);
  }

  async vectorSearch(query: string, k: number, filter?: SearchFilter): Promise<Scored[]> {
    const vector = await this.embedder.embeddings.embedQuery(query);
    return this.vectors.search(vector, k, this.acceptor(filter));
  }

  /** A query prepared with this index's vocabulary and spelling. */
  prepare(text: string): PreparedQuery {
    return prepareQuery(text, this.vocabulary, this.spelled(text));
  }

  /** Hybrid retrieval for plain text (the CLI search, tools): the same path as a question's plan. */
  async search(text: string, options: { k?: number; filter?: SearchFilter } = {}): Promise<SearchHit[]> {
    return this.searchPrepared(this.prepare(text), options);
  }

  /**
   * Hybrid retrieval: BM25 (own words full weight, synonyms light) and vector
   * rankings fused by reciprocal rank, with a bonus for sections of the asked
   * kind and of the asked competency.
   */
  async searchPrepared(prepared: PreparedQuery, options: { k?: number; filter?: SearchFilter } = {}): Promise<SearchHit[]> {
    return (await this.searchRanked(prepared, options)).hits;
  }

  /** searchPrepared, with the lexical ranking it fused (chunk ids, best first) for checks that need BM25's own view. */
  async searchRanked(prepared: PreparedQuery, options: { k?: number; filter?: SearchFilter } = {}): Promise<{ hits: SearchHit[]; lexical: number[] }> {
    const k = options.k ?? 8;
    const { query } = prepared;
    const [lexical, vector] = [
      this.lexicalSearch(query, CANDIDATES, options.filter, prepared.synonyms.join(" ")),
      await this.vectorSearch(query, CANDIDATES, options.filter),
    ];
    const fused = new Map<number, SearchHit>();
    const add = (list: Scored[], key: "lexicalRank" | "vectorRank") =>
      list.forEach(({ id }, rank) => {
        const hit = fused.get(id) ?? { chunk: this.chunks.get(id), score: 0 };
        hit.score += 1 / (RRF_K + rank + 1);
        hit[key] = rank + 1;
        fused.set(id, hit);
      });
    add(lexical, "lexicalRank");
    add(vector, "vectorRank");
    // A section of the kind the query names counts as if a third ranker put it near the top.
    const kinds = new Set(prepared.kinds);
    if (kinds.size) for (const hit of fused.values()) if (kinds.has(hit.chunk.kind)) hit.score += KIND_BONUS;
    // So does a section of the very competency the query names.
    const named = new Set(prepared.competencies);
    if (named.size)
      for (const hit of fused.values())
        if (hit.chunk.competency && this.competencyNames.keysOf(hit.chunk.competency).some((key) => named.has(key))) hit.score += KIND_BONUS;
    return { hits: [...fused.values()].sort((a, b) => b.score - a.score).slice(0, k), lexical: lexical.map((s) => s.id) };
  }
}
