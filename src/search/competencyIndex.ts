import type { CompetencyFact } from "../ingest/model.js";
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
  private readonly byKey = new Map<string, CompetencyFact[]>();
  private readonly keysByName = new Map<string, string[]>();
  private readonly spellingsByKey = new Map<string, Set<string>>();
  /** Display name per key: the vocabulary's, or the documents' most common spelling. */
  readonly names = new Map<string, string>();

  constructor(
    facts: CompetencyFact[],
    private readonly vocabulary: Vocabulary,
  ) {
    for (const fact of facts) {
      for (const key of this.keysOf(fact.name)) {
        const list = this.byKey.get(key);
        if (list) list.push(fact);
        else this.byKey.set(key, [fact]);
        const spellings = this.spellingsByKey.get(key);
        if (spellings) spellings.add(fact.name);
        else this.spellingsByKey.set(key, new Set([fact.name]));
        if (!this.names.has(key)) this.names.set(key, vocabulary.competencies.find((c) => fold(c.name) === key)?.name ?? fact.name);
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
    return this.keysOf(name).flatMap((key) => this.byKey.get(key) ?? []);
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
