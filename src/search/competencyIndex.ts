import type { CompetencyFact } from "../domain/document.js";
import type { FactStore } from "./factStore.js";
import { fold } from "../text/normalize.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";

/**
 * Competency facts grouped by the competency they are about. A document's
 * "Sterke klantgerichtheid" and another's "Klantgerichtheid" are one
 * competency when the vocabulary knows the name or alias; names the
 * vocabulary does not know stand for themselves. Built once per index, so no
 * question scans every fact.
 */
export class CompetencyIndex {
  /** Fact ids per key; the facts themselves are parsed when a question asks for them. */
  private readonly byKey = new Map<string, number[]>();
  private readonly factsByKey = new Map<string, CompetencyFact[]>();
  private readonly keysByName = new Map<string, string[]>();
  private readonly spellingsByKey = new Map<string, Set<string>>();
  /** Display name per key: the vocabulary's, or the documents' most common spelling. */
  readonly names = new Map<string, string>();

  constructor(
    private readonly facts: Pick<FactStore, "competencyCount" | "competencyNameOf" | "competency">,
    private readonly vocabulary: Vocabulary,
  ) {
    for (let id = 0; id < facts.competencyCount; id++) {
      const name = facts.competencyNameOf(id);
      for (const key of this.keysOf(name)) {
        const list = this.byKey.get(key);
        if (list) list.push(id);
        else this.byKey.set(key, [id]);
        const spellings = this.spellingsByKey.get(key);
        if (spellings) spellings.add(name);
        else this.spellingsByKey.set(key, new Set([name]));
        if (!this.names.has(key)) this.names.set(key, vocabulary.competencies.find((c) => fold(c.name) === key)?.name ?? name);
      }
    }
  }

  /** The keys a competency name stands for: the vocabulary entries it names, else its own folded name. */
  keysOf(name: string): string[] {
    // Cached by the name as written too: every fact's name passes here, and folding is not free.
    let keys = this.keysByName.get(name);
    if (keys) return keys;
    const folded = fold(name);
    keys = this.keysByName.get(folded);
    if (!keys) {
      const entries = this.vocabulary.competenciesNamed(name);
      keys = entries.length ? [fold(entries[0]!.name)] : [folded];
      this.keysByName.set(folded, keys);
    }
    this.keysByName.set(name, keys);
    return keys;
  }

  /** The facts about one competency (by any of its names). */
  factsOf(name: string): CompetencyFact[] {
    return this.keysOf(name).flatMap((key) => {
      let facts = this.factsByKey.get(key);
      if (!facts) this.factsByKey.set(key, (facts = (this.byKey.get(key) ?? []).map((id) => this.facts.competency(id))));
      return facts;
    });
  }

  /** The distinct ways the documents write one competency's name (thousands of facts share a handful). */
  spellings(key: string): string[] {
    return [...(this.spellingsByKey.get(key) ?? [])];
  }

  /** Every competency key the documents describe. */
  keys(): string[] {
    return [...this.byKey.keys()];
  }

  has(name: string): boolean {
    return this.keysOf(name).some((key) => this.byKey.has(key));
  }
}
