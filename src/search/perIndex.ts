import type { KnowledgeBase } from "./knowledgeBase.js";

/**
 * A value built once per loaded index, on first use: the answer layer's
 * lookup tables. Keyed weakly, so a table goes when its index version is
 * swapped out and collected.
 */
export function perIndex<T>(build: (kb: KnowledgeBase) => T): (kb: KnowledgeBase) => T {
  const built = new WeakMap<KnowledgeBase, T>();
  return (kb) => {
    let value = built.get(kb);
    if (value === undefined) built.set(kb, (value = build(kb)));
    return value;
  };
}
