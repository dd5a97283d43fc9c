/**
 * A job classification system: how a document shows it uses the system, how
 * a level is written, how levels order, and how people name the system when
 * they ask. One file per system in this folder; `registry.ts` lists them.
 */
export type ClassificationSystem = {
  id: string;
  /** Display name, e.g. "Functiegebouw Rijk". */
  name: string;
  /** Folded phrases that mark a document as using this system; `strong` ones decide alone. */
  markers: { strong: string[]; weak: string[] };
  /** Folded words that introduce a level ("schaal", "functieklasse"); the first is used in labels. */
  levelWords: string[];
  /** A level code of this system, anchored, linear (no nested quantifiers): "7", "C1", "15/16", "B1-B3". */
  code: RegExp;
  /** Rank for ordering levels within the system: higher is a heavier job. */
  rank(code: string): number;
  /** Folded phrases by which a question names the system ("rijksoverheid", "universiteit"). */
  askedAs: string[];
};

export function defineSystem(system: ClassificationSystem): ClassificationSystem {
  return system;
}

/** "15/16" → 15, "B1-B3" → the first part; numbers as they come. */
export function firstNumber(code: string): number {
  const match = /\d+/.exec(code);
  return match ? Number(match[0]) : 0;
}

/** Flemish grades: E < D < C < B < A, then the number ("C1" < "C2" < "B1"). */
export function gradeRank(code: string): number {
  const match = /^([A-E])(\d)?/i.exec(code.trim());
  if (!match) return 0;
  return ("EDCBA".indexOf(match[1]!.toUpperCase()) + 1) * 10 + Number(match[2] ?? 0);
}
